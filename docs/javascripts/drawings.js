// The story line above the timeline follows the list's filters: an entry the filters hide is hidden
// in the drawing too, and a run of claims or a stop left empty goes with it.
// Progressive enhancement only: without JavaScript the whole drawing shows. No eval, no innerHTML.
(function () {
  "use strict";

  function enhance(figure) {
    var list = document.querySelector(".timeline");
    if (!list || !window.MutationObserver || figure.dataset.ready) return;
    figure.dataset.ready = "1";
    var links = Array.prototype.slice.call(figure.querySelectorAll("a[id^='tlm-']"));
    function sync() {
      links.forEach(function (a) {
        var entry = document.getElementById(a.id.slice(4));  // "tlm-event-x" draws the entry "event-x"
        var hidden = !!(entry && entry.hidden);
        if (a.classList.contains("tl-dot")) a.hidden = hidden; else a.parentNode.hidden = hidden;
      });
      figure.querySelectorAll("li.tl-st-claims").forEach(function (run) {
        run.hidden = !run.querySelector("a.tl-dot:not([hidden])");
      });
      figure.querySelectorAll("li.tl-stop").forEach(function (stop) {
        stop.hidden = !stop.querySelector("li.tl-st:not([hidden])");
      });
    }
    var pending = false;
    new MutationObserver(function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () { pending = false; sync(); });
    }).observe(list, { attributes: true, attributeFilter: ["hidden"], subtree: true });
  }

  function setup() {
    document.querySelectorAll("figure.tl-story").forEach(enhance);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);  // Material's instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
