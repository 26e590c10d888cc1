// Back after a load. Loading an example replaces a scenario in place, and ui/kit/history.js
// turns every change of the query alone into a replaced entry, so Back would leave the page
// instead of undoing the load. For a load the server sends { id, before, after } (the
// link's query before and after it): the current entry becomes the link before the load and
// a new entry holds the link after it, both marked. Back (or Forward) to a marked entry asks
// the server to restore the scenario its link holds.

const MARK = "deficiencyScenario";
let restore = null; // the latest mounted instance's trigger

function markedState(state) {
  return { ...(state ?? {}), [MARK]: true };
}

function listenOnce() {
  if (window.__deficiencyLoadHistory) return; // once a page load: the listener is page-wide
  window.__deficiencyLoadHistory = { pushed: new Set() };
  window.addEventListener("popstate", (event) => {
    if (event.state?.[MARK]) restore?.("restore", window.location.search);
  });
}

export default function keepLoadsInHistory({ data, setTriggerValue }) {
  listenOnce();
  restore = setTriggerValue;
  const entry = data?.entry;
  const { pushed } = window.__deficiencyLoadHistory;
  if (!entry || pushed.has(entry.id)) return;
  pushed.add(entry.id);
  const path = window.location.pathname;
  // The prototype's methods: history.js patches the instance's pushState into a replace.
  History.prototype.replaceState.call(
    window.history, markedState(window.history.state), "", path + entry.before
  );
  History.prototype.pushState.call(window.history, markedState(null), "", path + entry.after);
}
