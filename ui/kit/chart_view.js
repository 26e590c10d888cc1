// Draws a Plotly figure on the page and, when the same chart gets a new figure, updates
// it in place with Plotly.react rather than drawing it anew (st.plotly_chart keys its
// chart by a hash of the figure, so a changed figure would remount).

// No mode bar (every chart's numbers are in the text beside it); resize with the page.
const CONFIG = { displayModeBar: false, displaylogo: false, responsive: true };

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
