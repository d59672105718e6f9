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
    var d0 = new Date(start * 86400000), d1 = new Date(end * 86400000);  // months counted as the build counts them
    var monthPx = (right - left) / Math.max((d1.getUTCFullYear() - d0.getUTCFullYear()) * 12 + d1.getUTCMonth() - d0.getUTCMonth(), 1);
    function xOf(day) { return left + (right - left) * (day - start) / (end - start); }

    var NS = "http://www.w3.org/2000/svg";
    var axisGroup = plot.querySelector("g.tl-axis-all");
    var view = [start, end];  // the days the plot shows
    var height = +svg.getAttribute("viewBox").split(" ")[3];

    // The axis, drawn again for the days shown: a tick per month and the axis line in one path,
    // the year grid lines in another, year names, and month names where a month is wide enough
    // (the build writes them only at that width, the same rule: MONTH_NAME_MIN in draw/timeline.py).
    function drawAxis() {
      if (!axisGroup) return;
      var line = axisGroup.querySelector(".tl-axis");
      var y = +line.getAttribute("d").split(",")[1].split("H")[0];
      var x0 = xOf(view[0]), k = (right - left) / (xOf(view[1]) - x0);
      function f(day) { return Math.round((left + (xOf(day) - x0) * k) * 10) / 10; }
      var named = monthPx * k >= 34;
      var ticks = "M" + left + "," + y + "H" + right, grid = "";
      while (axisGroup.lastChild !== line) axisGroup.removeChild(axisGroup.lastChild);
      var first = new Date(start * 86400000);
      for (var yy = first.getUTCFullYear(), mm = first.getUTCMonth(); ; mm += 1) {
        if (mm === 12) { mm = 0; yy += 1; }
        var day = Date.UTC(yy, mm, 1) / 86400000;
        if (day > end) break;
        var x = f(day);
        var name = null;
        if (mm === 0) {
          grid += "M" + x + "," + (y - 14) + "V" + height;
          name = [x + 3, String(yy)];
        } else {
          ticks += "M" + x + "," + (y - 4) + "v4";
          if (named && day < end) name = [x + 2, MONTHS[mm].slice(0, 3)];
        }
        if (name && x >= left - 40 && x <= right) {
          var t = document.createElementNS(NS, "text");
          t.setAttribute("class", mm === 0 ? "tl-tick" : "tl-tick tl-tick-month");
          t.setAttribute("x", name[0]);
          t.setAttribute("y", y - 6);
          t.textContent = name[1];
          axisGroup.appendChild(t);
        }
      }
      line.setAttribute("d", ticks);
      if (grid) {
        var g = document.createElementNS(NS, "path");
        g.setAttribute("class", "tl-grid");
        g.setAttribute("d", grid);
        axisGroup.insertBefore(g, line.nextSibling);
      }
    }

    // Every positioned element of the marks with its original coordinates (the axis is redrawn instead).
    var items = [];
    plot.querySelectorAll("a.tl-mark [x], a.tl-mark [cx], a.tl-mark path.tl-bound").forEach(function (el) {
      var rec = { el: el };
      ["x", "width", "cx"].forEach(function (a) { if (el.hasAttribute(a)) rec[a] = +el.getAttribute(a); });
      if (el.tagName === "path") rec.d = el.getAttribute("d").slice(1).split("M")[0];  // "x,top v tall" of the first bound
      items.push(rec);
    });
    // a label and the bounds of a bar need the bar's original place, a dot's label the dot's
    items.forEach(function (r) {
      if (!r.el.classList.contains("tl-label") && r.d === undefined) return;
      var shape = r.el.parentNode.querySelector("rect, circle:not(.tl-halo)");
      var rec = items.filter(function (o) { return o.el === shape; })[0];
      if (rec && shape.tagName === "rect") r.bar = rec;
      else if (rec) r.dot = rec;
    });

    function zoom(d0, d1) {
      view = [d0, d1];
      var x0 = xOf(d0), k = (right - left) / (xOf(d1) - x0);
      function f(x) { return left + (x - x0) * k; }
      items.forEach(function (r) {
        var el = r.el;
        if (r.d !== undefined) {  // a bar's bounds: at its two ends
          var rest = r.d.split(",")[1];  // "top v tall"
          var b0 = f(r.bar.x), b1 = b0 + Math.max(r.bar.width * k, 4);
          el.setAttribute("d", "M" + b0 + "," + rest + "M" + b1 + "," + rest);
          return;
        }
        if (r.bar) {  // a bar's label: inside the visible part of the bar when it fits there, else after its end
          var x0 = Math.max(f(r.bar.x), left), x1 = f(r.bar.x) + Math.max(r.bar.width * k, 4);
          el.setAttribute("x", x1 - x0 >= el.getComputedTextLength() + 10 ? x0 + 5 : x1 + 4);
          return;
        }
        if (r.dot) {  // a dot's label: keeps its distance to the dot, whose size does not change
          el.setAttribute("x", f(r.dot.cx) + (r.x - r.dot.cx));
          return;
        }
        if (r.x !== undefined) el.setAttribute("x", f(r.x));
        if (r.width !== undefined) el.setAttribute("width", Math.max(r.width * k, r.width > 0 ? 4 : 0));
        if (r.cx !== undefined) el.setAttribute("cx", f(r.cx));
      });
      drawAxis();
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
    var marks = Array.prototype.slice.call(svg.querySelectorAll("a.tl-mark"));
    function entryOf(a) { return (a.getAttribute("href") || "").split("#")[1] || ""; }
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
    function sync() {
      var shown = [];
      marks.forEach(function (a, i) {
        var entry = document.getElementById(entryOf(a));
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
      height = box[3] - removed.length * rowH;
      svg.setAttribute("viewBox", [box[0], box[1], box[2], height].join(" "));
      svg.setAttribute("height", height);
      drawAxis();  // the year lines end where the drawing now does
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
