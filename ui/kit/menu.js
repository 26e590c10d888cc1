// The phone menu's button. At phone width Streamlit folds the page list into the sidebar
// and leaves an icon-only button (two arrows, named "Expand sidebar") to open it: a
// borrower sees no menu. This gives that button a visible label and the same accessible
// name, "Menu" (and the button that folds the menu away the name "Close menu"), and gives
// them back whenever Streamlit draws the buttons again. The words come from the server in
// the reader's language (data: label, close); English without them.

const ENGLISH = { label: "Menu", close: "Close menu" };
const BUTTON = '[data-testid="stExpandSidebarButton"]';
const TEXT_CLASS = "deficiency-menu-label";
// The button that folds the open menu away again: named for what it does to the menu.
const CLOSE = '[data-testid="stSidebarCollapseButton"] button';

export function labelMenu(root, words = ENGLISH) {
  const { label, close } = { ...ENGLISH, ...words };
  for (const button of root.querySelectorAll(BUTTON)) {
    if (button.getAttribute("aria-label") !== label) {
      button.setAttribute("aria-label", label);
    }
    const shown = button.querySelector(`.${TEXT_CLASS}`);
    if (!shown) {
      const text = document.createElement("span");
      text.className = TEXT_CLASS;
      text.textContent = label;
      button.appendChild(text);
    } else if (shown.textContent !== label) {
      shown.textContent = label;
    }
  }
  for (const button of root.querySelectorAll(CLOSE)) {
    if (button.getAttribute("aria-label") !== close) {
      button.setAttribute("aria-label", close);
    }
  }
}

export default function phoneMenu({ data } = {}) {
  const words = { ...ENGLISH, ...(data ?? {}) };
  labelMenu(document, words);
  // Streamlit may draw the button again (a resize, a page switch): label it after each
  // batch of changes, once a frame at most.
  let queued = false;
  const watcher = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      labelMenu(document, words);
    });
  });
  watcher.observe(document.body, { childList: true, subtree: true });
  return () => watcher.disconnect();
}
