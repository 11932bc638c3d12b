// The listening timer: counts down when started; the page works without it.
(function () {
  "use strict";

  function format(seconds) {
    var m = Math.floor(seconds / 60), s = seconds % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }

  function setUp(box) {
    var total = Number(box.dataset.timer), left = total, handle = null;
    var display = box.querySelector("[data-timer-display]");
    var toggle = box.querySelector("[data-timer-toggle]");
    var status = box.querySelector("[data-timer-status]");
    box.querySelector("[data-timer-fallback]").hidden = true;
    display.textContent = format(left);
    toggle.hidden = false;

    function tick() {
      left -= 1;
      display.textContent = format(Math.max(left, 0));
      if (left <= 0) {
        clearInterval(handle);
        handle = null;
        toggle.textContent = "Start again";
        left = total;
        status.textContent = "Time's up. Move on when you're ready.";
        box.classList.add("timer-done");
      }
    }

    toggle.addEventListener("click", function () {
      if (handle) {
        clearInterval(handle);
        handle = null;
        toggle.textContent = "Resume";
        status.textContent = "Paused.";
      } else {
        box.classList.remove("timer-done");
        handle = setInterval(tick, 1000);
        toggle.textContent = "Pause";
        status.textContent = "Timer started.";
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-timer]").forEach(setUp);
  });
})();
