// Draws a Plotly figure on the page and, when the same chart gets a new figure, updates
// it in place with Plotly.react rather than drawing it anew (st.plotly_chart keys its
// chart by a hash of the figure, so a changed figure would remount).
//
// A chart out of sight (below the fold, in a closed expander) keeps its new figure and
// draws it as it comes into view, or before the page prints: a slider move spends no
// time drawing what nobody sees. Its accessible name (the alt text) changes at once.

// No mode bar (every chart's numbers are in the text beside it); resize with the page.
const CONFIG = { displayModeBar: false, displaylogo: false, responsive: true };
// Charts this close to the screen are drawn as if on it: a reader scrolling to them
// finds them drawn.
const NEAR = "200px";

let plotlyLoading = null;

// data.plotly: where this host serves plotly.js from (ui/kit/chart_view.publish_plotly_js);
// nothing is fetched off it.
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

// Each chart's box: whether it is in (or near) view, and the drawing it waits to make.
const inView = new WeakMap();
const waiting = new Map();
let watcher = null;

function drawWaiting(box) {
  const draw = waiting.get(box);
  if (!draw) return;
  waiting.delete(box);
  draw();
}

function watch(box) {
  if (watcher === null) {
    watcher = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          inView.set(entry.target, entry.isIntersecting);
          if (entry.isIntersecting) drawWaiting(entry.target);
        }
      },
      { rootMargin: NEAR },
    );
    // A printed page shows every chart as it stands now.
    window.addEventListener("beforeprint", () => [...waiting.keys()].forEach(drawWaiting));
  }
  watcher.observe(box);
}

export default function drawChart({ data, parentElement }) {
  const box = parentElement.querySelector(".deficiency-chart");
  const figure = JSON.parse(data.spec);
  box.setAttribute("aria-label", data.alt);
  // Hold the chart's height while plotly.js loads, so the page does not jump.
  box.style.minHeight = `${figure.layout.height ?? 450}px`;
  const draw = () =>
    loadPlotly(data.plotly)
      .then((Plotly) => Plotly.react(box, figure.data, figure.layout, CONFIG))
      .catch(() => {
        // The words come from the server in the reader's language; English without them.
        box.textContent = `${data.failed ?? "This chart could not be drawn."} ${data.alt}`;
      });
  if (!inView.has(box)) {
    // A new chart is drawn at once (a first load shows every chart); from then on it
    // is redrawn when in view.
    inView.set(box, true);
    watch(box);
    draw();
  } else if (inView.get(box)) {
    waiting.delete(box);
    draw();
  } else {
    waiting.set(box, draw);
  }
  // Streamlit calls this when the chart leaves the page, and also for a render that a
  // newer one overtook: purge only a chart no longer on the page (its resize listener
  // goes with it), never the one being updated.
  return () => {
    if (box.isConnected) return;
    waiting.delete(box);
    watcher?.unobserve(box);
    window.Plotly?.purge(box);
  };
}
