// The check-in trend: one chart for closeness, one for satisfaction.
// Data comes from the page (json_script); the table under the charts holds the same numbers.
(function () {
  "use strict";
  var COLORS = { me: "#c2185b", partner: "#6a1b9a", gap: "rgba(120, 110, 115, 0.35)" };

  function draw(canvasId, labels, names, series) {
    var canvas = document.getElementById(canvasId);
    if (!canvas || !window.Chart) { return; }
    new window.Chart(canvas, {
      data: {
        labels: labels,
        datasets: [
          { type: "line", label: names[0], data: series[0], borderColor: COLORS.me, backgroundColor: COLORS.me, spanGaps: true, tension: 0.25, pointRadius: 3 },
          { type: "line", label: names[1], data: series[1], borderColor: COLORS.partner, backgroundColor: COLORS.partner, borderDash: [6, 4], spanGaps: true, tension: 0.25, pointRadius: 3, pointStyle: "rectRot" },
          { type: "bar", label: "Gap between you", data: series[2], backgroundColor: COLORS.gap, barPercentage: 0.5 }
        ]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "index", intersect: false },
        scales: { y: { min: 0, max: 7, ticks: { stepSize: 1 } } },
        plugins: { legend: { position: "bottom", labels: { boxWidth: 14 } } }
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var node = document.getElementById("trend-data");
    if (!node) { return; }
    var data = JSON.parse(node.textContent);
    draw("closeness-chart", data.labels, data.names, data.closeness);
    draw("satisfaction-chart", data.labels, data.names, data.satisfaction);
  });
})();
