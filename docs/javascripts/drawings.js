// The drawn timeline, enhanced: it follows the list's filters and zooms to a year or a month.
// Progressive enhancement only: without JavaScript the whole drawing shows. No eval, no
// innerHTML: controls are built with DOM methods and marks are moved by their SVG attributes.
(function () {
  "use strict";

  function dayNumber(iso) {
    var p = iso.split("-");
    return Date.UTC(+p[0], +p[1] - 1, +p[2]) / 86400000;
  }

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

  function enhance(figure) {
    var svg = figure.querySelector("svg[data-start]");
    var plot = svg && svg.querySelector("g.tl-plot");
    if (!plot || figure.dataset.ready) return;
    figure.dataset.ready = "1";
    var start = dayNumber(svg.dataset.start), end = dayNumber(svg.dataset.end);
    var left = +svg.dataset.left, right = +svg.dataset.right;
    var monthPx = (right - left) / ((end - start) / 30.44);
    function xOf(day) { return left + (right - left) * (day - start) / (end - start); }

    // Every positioned element of the plot with its original coordinates.
    var items = [];
    plot.querySelectorAll("[x], [cx], [x1]").forEach(function (el) {
      var rec = { el: el };
      ["x", "width", "cx", "x1", "x2"].forEach(function (a) { if (el.hasAttribute(a)) rec[a] = +el.getAttribute(a); });
      if (el.dataset.at !== undefined) rec.at = +el.dataset.at;
      items.push(rec);
    });
    // a label of a bar needs the bar's original place (found once the bars are recorded)
    items.forEach(function (r) {
      var bar = r.el.classList.contains("tl-label") && r.el.parentNode.querySelector("rect");
      if (bar) r.bar = items.filter(function (o) { return o.el === bar; })[0];
    });
    var monthNames = plot.querySelectorAll(".tl-tick-month");

    function zoom(d0, d1) {
      var x0 = xOf(d0), k = (right - left) / (xOf(d1) - x0);
      function f(x) { return left + (x - x0) * k; }
      items.forEach(function (r) {
        var el = r.el;
        if (r.bar) {  // a bar's label: inside the visible part of the bar when it fits there, else after its end
          var x0 = Math.max(f(r.bar.x), left), x1 = f(r.bar.x) + Math.max(r.bar.width * k, 4);
          el.setAttribute("x", x1 - x0 >= el.getComputedTextLength() + 10 ? x0 + 5 : x1 + 4);
          return;
        }
        if (r.at !== undefined) {  // other text: moves with what it belongs to, keeps its size
          el.setAttribute("x", f(r.at) + (r.x - r.at));
          return;
        }
        if (r.x !== undefined) el.setAttribute("x", f(r.x));
        if (r.width !== undefined) el.setAttribute("width", Math.max(r.width * k, r.width > 0 ? 4 : 0));
        if (r.cx !== undefined) el.setAttribute("cx", f(r.cx));
        if (r.x1 !== undefined) el.setAttribute("x1", f(r.x1));
        if (r.x2 !== undefined) el.setAttribute("x2", f(r.x2));
      });
      monthNames.forEach(function (t) { t.classList.toggle("tl-tick-hidden", monthPx * k < 34); });
    }

    // The zoom control: the whole story, each year, each month of the drawing's span.
    var label = document.createElement("label");
    label.className = "tl-zoom";
    label.appendChild(document.createTextNode("Zoom the drawing to "));
    var select = document.createElement("select");
    var whole = document.createElement("option");
    whole.value = "";
    whole.textContent = "the whole story";
    select.appendChild(whole);
    var first = new Date(start * 86400000), last = new Date((end - 1) * 86400000);
    for (var y = first.getUTCFullYear(); y <= last.getUTCFullYear(); y += 1) {
      var group = document.createElement("optgroup");
      group.label = String(y);
      var yearOpt = document.createElement("option");
      yearOpt.value = String(y);
      yearOpt.textContent = "all of " + y;
      group.appendChild(yearOpt);
      for (var m = 0; m < 12; m += 1) {
        var monthStart = Date.UTC(y, m, 1) / 86400000;
        if (monthStart < start || monthStart >= end) continue;
        var opt = document.createElement("option");
        opt.value = y + "-" + (m + 1);
        opt.textContent = MONTHS[m] + " " + y;
        group.appendChild(opt);
      }
      select.appendChild(group);
    }
    label.appendChild(select);
    var toolbar = figure.querySelector(".tl-toolbar");  // a line of fixed height: adding the control moves nothing
    if (toolbar) toolbar.appendChild(label);
    else figure.insertBefore(label, figure.firstChild);
    select.addEventListener("change", function () {
      var v = select.value;
      if (!v) { zoom(start, end); return; }
      var parts = v.split("-").map(Number);
      if (parts.length === 1) zoom(Date.UTC(parts[0], 0, 1) / 86400000, Date.UTC(parts[0] + 1, 0, 1) / 86400000);
      else zoom(Date.UTC(parts[0], parts[1] - 1, 1) / 86400000, Date.UTC(parts[0], parts[1], 1) / 86400000);
    });

    // Follow the list's filters: a mark whose entry the filters hide is hidden too, and rows
    // left empty close up (marks move by a transform, so their original places stay known).
    var marks = Array.prototype.slice.call(svg.querySelectorAll("a.tl-mark[data-entry]"));
    var rowH = +svg.dataset.rowHeight;
    var box = svg.getAttribute("viewBox").split(" ").map(Number);
    function rowOf(a) {
      var shape = a.querySelector("rect, circle:not(.tl-halo)");
      var y = shape.tagName === "circle" ? +shape.getAttribute("cy") : +shape.getAttribute("y") + +shape.getAttribute("height") / 2;
      return Math.round(y * 10) / 10;
    }
    var rowOfMark = marks.map(rowOf);
    var allRows = rowOfMark.filter(function (y, i) { return rowOfMark.indexOf(y) === i; });
    var laneParts = Array.prototype.slice.call(svg.querySelectorAll(".tl-lane, .tl-lane-rule")).map(function (el) {
      return { el: el, y: +(el.getAttribute("y") || el.getAttribute("y1")) };
    });
    var grids = Array.prototype.slice.call(svg.querySelectorAll(".tl-grid"));
    function sync() {
      var shown = [];
      marks.forEach(function (a, i) {
        var entry = document.getElementById(a.dataset.entry);
        var hide = Boolean(entry && entry.closest("[hidden]"));
        a.classList.toggle("tl-filtered", hide);
        if (!hide) shown.push(rowOfMark[i]);
      });
      var removed = allRows.filter(function (y) { return shown.indexOf(y) < 0; });
      function up(y) { return removed.filter(function (r) { return r < y - 0.05; }).length * rowH; }
      marks.forEach(function (a, i) { a.setAttribute("transform", "translate(0," + -up(rowOfMark[i]) + ")"); });
      laneParts.forEach(function (p) { p.el.setAttribute("transform", "translate(0," + -up(p.y) + ")"); });
      // a lane with nothing shown loses its name and rule, so two names never meet
      var names = laneParts.filter(function (p) { return p.el.classList.contains("tl-lane"); });
      names.forEach(function (name, i) {
        var below = i + 1 < names.length ? names[i + 1].y : Infinity;
        var empty = !shown.some(function (y) { return y >= name.y - rowH / 2 && y < below - rowH / 2; });
        laneParts.forEach(function (p) {
          if (p.y >= name.y - rowH / 2 && p.y < below - rowH / 2) p.el.classList.toggle("tl-filtered", empty);
        });
      });
      var height = box[3] - removed.length * rowH;
      svg.setAttribute("viewBox", [box[0], box[1], box[2], height].join(" "));
      svg.setAttribute("height", height);
      grids.forEach(function (g) { g.setAttribute("y2", height); });
    }
    var list = document.querySelector(".timeline");
    if (list && window.MutationObserver) {
      var pending = false;
      new MutationObserver(function () {
        if (pending) return;
        pending = true;
        window.requestAnimationFrame(function () { pending = false; sync(); });
      }).observe(list, { attributes: true, attributeFilter: ["hidden"], subtree: true });
    }
    sync();
  }

  function setup() {
    document.querySelectorAll("figure.tl-drawing").forEach(enhance);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);  // Material's instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
