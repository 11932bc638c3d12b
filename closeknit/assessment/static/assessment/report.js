// The couple report's charts (Chart.js) and the print button. Every number is also in a table.
(function () {
  "use strict";
  var NOW = "#c2185b", IDEAL = "#6a1b9a", OTHER = "#00695c";

  function read(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function radar(id, labels, profile) {
    var canvas = document.getElementById(id);
    if (!canvas) { return; }
    new window.Chart(canvas, {
      type: "radar",
      data: {
        labels: labels,
        datasets: [
          { label: "As it is now", data: profile.now, borderColor: NOW, backgroundColor: "rgba(194, 24, 91, 0.18)", pointBackgroundColor: NOW },
          { label: "As I'd like it", data: profile.ideal, borderColor: IDEAL, backgroundColor: "rgba(106, 27, 154, 0.08)", borderDash: [6, 4], pointBackgroundColor: IDEAL, pointStyle: "rectRot" }
        ]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { r: { min: 1, max: 7, ticks: { stepSize: 2, backdropColor: "transparent", font: { size: 9 } }, pointLabels: { font: { size: 11 } } } },
        plugins: { legend: { position: "bottom", labels: { boxWidth: 14 } } }
      }
    });
  }

  function bars(id, data) {
    var canvas = document.getElementById(id);
    if (!canvas) { return; }
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.topics,
        datasets: [
          { label: "You knew of " + data.names[1] + "'s", data: data.lovemap[0], backgroundColor: NOW },
          { label: data.names[1] + " knew of yours", data: data.lovemap[1], backgroundColor: OTHER }
        ]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false, indexAxis: "y",
        scales: { x: { min: 0, max: data.lovemap_max, ticks: { stepSize: 1 } } },
        plugins: { legend: { position: "bottom", labels: { boxWidth: 14 } } }
      }
    });
  }

  function history(id, data) {
    var canvas = document.getElementById(id);
    if (!canvas || !data || data.labels.length < 2) { return; }
    new window.Chart(canvas, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: [
          { label: "You, now", data: data.mine, borderColor: NOW, backgroundColor: NOW },
          { label: data.names[1] + ", now", data: data.theirs, borderColor: OTHER, backgroundColor: OTHER, pointStyle: "rectRot" },
          { label: "You, would like", data: data.mine_ideal, borderColor: NOW, backgroundColor: NOW, borderDash: [6, 4] },
          { label: data.names[1] + ", would like", data: data.theirs_ideal, borderColor: OTHER, backgroundColor: OTHER, borderDash: [6, 4], pointStyle: "rectRot" }
        ]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { y: { min: 1, max: 7, ticks: { stepSize: 1 } } },
        plugins: { legend: { position: "bottom", labels: { boxWidth: 14 } } }
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    if (!window.Chart) { return; }
    var data = read("report-data");
    if (data) {
      radar("radar-mine", data.kinds, data.mine);
      radar("radar-theirs", data.kinds, data.theirs);
      bars("lovemap-chart", data);
    }
    history("history-chart", read("history-data"));
  });
})();
