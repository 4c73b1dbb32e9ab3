// plotly.js's own module mechanism (lib/index-basic.js does the same for its basic bundle):
// the core, which has the scatter trace, plus the trace modules the charts draw.
// tests/app/test_bundle_budget.py fails if a chart draws a trace type missing here.
var Plotly = require('plotly.js/lib/core');

Plotly.register([require('plotly.js/lib/bar')]);

module.exports = Plotly;
