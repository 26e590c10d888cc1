// "Copy link": puts the page's current address on the clipboard. The inputs keep the
// scenario in the address (ui/kit/link.py), so the link read at the click is the scenario
// on screen. Without the Clipboard API (a page not served over https or from localhost),
// a selected hidden text box and the copy command do it instead. Its words come from the
// server in the reader's language (data: label, copied, failed); English without them.

const ENGLISH = {
  label: "Copy link",
  copied: "Link copied. Paste it to share these figures.",
  failed: "Could not copy: copy the address from the address bar.",
};

function copyBySelection(text) {
  const box = document.createElement("textarea");
  box.value = text;
  box.setAttribute("readonly", "");
  box.style.position = "fixed";
  box.style.opacity = "0";
  document.body.appendChild(box);
  box.select();
  const copied = document.execCommand("copy");
  box.remove();
  return copied;
}

export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyBySelection(text);
  }
}

export default function copyLink({ parentElement, data }) {
  const words = { ...ENGLISH, ...(data ?? {}) };
  const button = parentElement.querySelector(".deficiency-copy-link");
  const status = parentElement.querySelector(".deficiency-copy-status");
  if (button.textContent !== words.label) {
    button.textContent = words.label;
  }
  button.onclick = async () => {
    const copied = await copyText(window.location.href);
    status.textContent = copied ? words.copied : words.failed;
  };
  return () => {
    button.onclick = null;
  };
}
