// One browser-history entry per page. Streamlit pushes a history entry for every change
// of the URL's query, and the inputs write the scenario there on every move: Back would
// step through the edits without undoing any. A change of the query alone replaces the
// current entry; a change of page still pushes one.

function replaceQueryOnlyChanges() {
  if (window.__deficiencyHistory) return; // once a page load: the patch is page-wide
  window.__deficiencyHistory = true;
  const push = window.history.pushState.bind(window.history);
  window.history.pushState = (state, title, url) => {
    const next = new URL(url, window.location.href);
    if (next.pathname === window.location.pathname) {
      window.history.replaceState(state, title, url);
    } else {
      push(state, title, url);
    }
  };
}

export default function keepOneEntryPerPage() {
  replaceQueryOnlyChanges();
}
