// Draws a Plotly figure on the page and, when the same chart gets a new figure, updates
// it in place with Plotly.react. st.plotly_chart keys its chart by a hash of the figure,
// so every changed figure remounted and was drawn anew (Plotly.newPlot). Median slider
// move, benchmarks/bench_browser.py: Compare 367 -> 256 ms, Paying it off 401 -> 269.

// No mode bar (every chart's numbers are in the text beside it); resize with the page.
const CONFIG = { displayModeBar: false, displaylogo: false, responsive: true };

let plotlyLoading = null;

// Streamlit pushes a browser-history entry for every change of the URL's query, and the
// inputs write the scenario there on every move: Back then stepped through the edits
// without undoing any (eight edits, eight dead Back presses). A change of the query alone
// now replaces the current entry; a change of page still pushes one.
if (!window.__deficiencyHistory) {
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

// data.plotly: where this host serves plotly.js from (ui/chart_view.PLOTLY_URL), nothing
// is fetched off it.
function loadPlotly(url) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  plotlyLoading ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = url;
    script.onload = () => resolve(window.Plotly);
    script.onerror = () => {
      plotlyLoading = null;
      reject(new Error("plotly.js did not load"));
    };
    document.head.appendChild(script);
  });
  return plotlyLoading;
}

export default function drawChart({ data, parentElement }) {
  const box = parentElement.querySelector(".deficiency-chart");
  const figure = JSON.parse(data.spec);
  box.setAttribute("aria-label", data.alt);
  // Hold the chart's height while plotly.js loads, so the page does not jump.
  box.style.minHeight = `${figure.layout.height ?? 450}px`;
  loadPlotly(data.plotly)
    .then((Plotly) => Plotly.react(box, figure.data, figure.layout, CONFIG))
    .catch(() => {
      box.textContent = `This chart could not be drawn. ${data.alt}`;
    });
  // Streamlit calls this when the chart leaves the page, and also for a render that a
  // newer one overtook: purge only a chart no longer on the page (its resize listener
  // goes with it), never the one being updated.
  return () => {
    if (!box.isConnected) window.Plotly?.purge(box);
  };
}
