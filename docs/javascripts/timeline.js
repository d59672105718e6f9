// Timeline filters: by actor, by tag and by kind. Progressive enhancement only:
// without JavaScript the timeline is the complete list. Reads what each entry shows anyway
// (its class tl-event or tl-claim, its links to actor pages, its tags' data-tag) rather than
// copies of it in data-* attributes, which were 1.6 MB of a 10,000-record site; builds its
// controls with DOM methods (no innerHTML).
(function () {
  "use strict";

  function setup() {
    var box = document.getElementById("tl-filters");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    var entries = Array.prototype.slice.call(document.querySelectorAll("li.tl-entry"));
    var actors = new Map();
    var tags = new Map();  // slug -> the name readers see ("U.S. politics")
    var ACTOR_HREF = /(?:^|\/)actors\/([^\/]+)\/$/;  // "../actors/donald-trump/": the actor's id
    var facets = entries.map(function (li) {
      var own = { actors: new Set(), tags: new Set() };
      li.querySelectorAll("a[href]").forEach(function (a) {  // the title and sources link elsewhere
        var found = ACTOR_HREF.exec(a.getAttribute("href"));
        if (!found) return;
        own.actors.add(found[1]);
        actors.set(found[1], a.textContent);
      });
      li.querySelectorAll("span.tag[data-tag]").forEach(function (t) {
        own.tags.add(t.dataset.tag);
        tags.set(t.dataset.tag, t.textContent);
      });
      return own;
    });

    function select(id, label, options, anyLabel) {
      var wrap = document.createElement("label");
      wrap.htmlFor = id;
      wrap.appendChild(document.createTextNode(label));
      var sel = document.createElement("select");
      sel.id = id;
      var any = document.createElement("option");
      any.value = "";
      any.textContent = anyLabel || "All";
      sel.appendChild(any);
      options.forEach(function (pair) {
        var opt = document.createElement("option");
        opt.value = pair[0];
        opt.textContent = pair[1];
        sel.appendChild(opt);
      });
      wrap.appendChild(sel);
      box.appendChild(wrap);
      return sel;
    }

    var actorOptions = Array.from(actors.entries()).sort(function (a, b) { return a[1].localeCompare(b[1]); });
    var tagOptions = Array.from(tags.entries()).sort(function (a, b) { return a[1].localeCompare(b[1]); });
    var actorSel = select("tl-actor", "Actor", actorOptions);
    var tagSel = select("tl-tag", "Tag", tagOptions);
    var kindSel = select("tl-kind", "Show", [["event", "Events only"], ["claim", "Claims only"]], "Events and claims");
    var status = document.createElement("output");
    status.setAttribute("aria-live", "polite");
    status.id = "tl-count";
    box.appendChild(status);

    var params = new URLSearchParams(window.location.search);
    actorSel.value = params.get("actor") || "";
    tagSel.value = params.get("tag") || "";
    kindSel.value = params.get("kind") || "";

    function apply() {
      var actor = actorSel.value, tag = tagSel.value, kind = kindSel.value, shown = 0;
      entries.forEach(function (li, i) {
        var ok = (!actor || facets[i].actors.has(actor)) &&
                 (!tag || facets[i].tags.has(tag)) &&
                 (!kind || li.classList.contains("tl-" + kind));
        li.hidden = !ok;
        if (ok) shown += 1;
      });
      document.querySelectorAll("section.tl-month").forEach(function (sec) {
        sec.hidden = !sec.querySelector("li.tl-entry:not([hidden])");
      });
      document.querySelectorAll("section.tl-year").forEach(function (sec) {
        sec.hidden = !sec.querySelector("section.tl-month:not([hidden])");
      });
      status.textContent = "Showing " + shown + " of " + entries.length + " entries";
      var query = new URLSearchParams();
      if (actor) query.set("actor", actor);
      if (tag) query.set("tag", tag);
      if (kind) query.set("kind", kind);
      var q = query.toString();
      window.history.replaceState(null, "", window.location.pathname + (q ? "?" + q : "") + window.location.hash);
    }

    [actorSel, tagSel, kindSel].forEach(function (s) { s.addEventListener("change", apply); });
    box.hidden = false;
    apply();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);  // Material's instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
