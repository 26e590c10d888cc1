// The language choice in the top bar (English / Español), and the page's language: sets
// <html lang> to the reader's language so screen readers and the browser's hyphenation
// and spelling read the page in it. A choice sends the language's code to the server,
// which reruns the page in it (ui/kit/language_choice.py).

export function setPageLanguage(code) {
  if (document.documentElement.lang !== code) document.documentElement.lang = code;
}

export default function languageChoice({ data, parentElement, setStateValue }) {
  setPageLanguage(data.current);
  const group = parentElement.querySelector(".deficiency-language");
  group.setAttribute("aria-label", data.label);
  group.replaceChildren(
    ...data.options.map(({ code, name }) => {
      const button = document.createElement("button");
      button.type = "button";
      button.lang = code;
      button.textContent = name;
      button.className = "deficiency-language-option";
      button.setAttribute("aria-pressed", String(code === data.current));
      button.onclick = () => {
        if (code !== data.current) setStateValue("chosen", code);
      };
      return button;
    }),
  );
  return () => {
    for (const button of group.querySelectorAll("button")) button.onclick = null;
  };
}
