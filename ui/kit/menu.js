// The phone menu's button. At phone width Streamlit folds the page list into the sidebar
// and leaves an icon-only button (two arrows, named "Expand sidebar") to open it: a
// borrower sees no menu. This gives that button a visible label and the same accessible
// name, "Menu" (and the button that folds the menu away the name "Close menu"), and gives
// them back whenever Streamlit draws the buttons again.

const LABEL = "Menu";
const BUTTON = '[data-testid="stExpandSidebarButton"]';
const TEXT_CLASS = "deficiency-menu-label";
// The button that folds the open menu away again: named for what it does to the menu.
const CLOSE = '[data-testid="stSidebarCollapseButton"] button';
const CLOSE_LABEL = "Close menu";

export function labelMenu(root) {
  for (const button of root.querySelectorAll(BUTTON)) {
    if (button.getAttribute("aria-label") !== LABEL) {
      button.setAttribute("aria-label", LABEL);
    }
    if (!button.querySelector(`.${TEXT_CLASS}`)) {
      const text = document.createElement("span");
      text.className = TEXT_CLASS;
      text.textContent = LABEL;
      button.appendChild(text);
    }
  }
  for (const button of root.querySelectorAll(CLOSE)) {
    if (button.getAttribute("aria-label") !== CLOSE_LABEL) {
      button.setAttribute("aria-label", CLOSE_LABEL);
    }
  }
}

export default function phoneMenu() {
  labelMenu(document);
  // Streamlit may draw the button again (a resize, a page switch): label it after each
  // batch of changes, once a frame at most.
  let queued = false;
  const watcher = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      labelMenu(document);
    });
  });
  watcher.observe(document.body, { childList: true, subtree: true });
  return () => watcher.disconnect();
}
