// The plotly.js the app serves: its core (which draws scatter traces) and only the other
// trace types the figures built in ui/ use. ui/kit/chart_view.PLOTLY_TRACE_TYPES lists the
// same set and show_chart refuses any other, so add a type here and there together.
'use strict';

var Plotly = require('plotly.js/lib/core');

Plotly.register([
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/heatmap'),
    require('plotly.js/lib/waterfall'),
]);

module.exports = Plotly;
