// Site search (Pagefind). The header's search field is a plain form that opens the search page,
// so it works without this script; here it gets the / and s shortcuts. On the search page this
// script loads Pagefind's chunked index (pagefind/pagefind.js: only the parts a query needs are
// downloaded), shows results with their kind, assessment, date and claimant, and offers filters
// by kind, assessment, actor and tag. The selection is kept in the URL. Everything from the index
// is put in the page as text (DOM methods, no innerHTML): record text is data.
(function () {
  "use strict";

  var FILTERS = [["kind", "Kind"], ["status", "Assessment"], ["actor", "Actor"], ["tag", "Tag"]];
  var PAGE_SIZE = 10;  // each result shown costs one fragment download: ten make the first answer quick

  function siteBase() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), document.location.href);
  }

  function shortcuts() {
    document.addEventListener("keydown", function (event) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key !== "/" && event.key !== "s") return;
      var target = event.target;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      var field = document.querySelector("[data-tracker-search=query]");
      if (!field) return;
      event.preventDefault();
      field.focus();
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Pagefind's excerpt is the page's text with < and > escaped (and nothing else: a "&" is the
  // text's own) and <mark> around the matched words. Only the <mark> tags become elements;
  // every other character is put back as text, so record text can never become markup.
  function excerptNodes(excerpt) {
    var box = element("p", "tracker-search-excerpt");
    var marked = false;
    excerpt.split(/(<mark>|<\/mark>)/).forEach(function (part) {
      if (part === "<mark>") { marked = true; return; }
      if (part === "</mark>") { marked = false; return; }
      var text = document.createTextNode(part.replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
      if (marked) {
        var mark = element("mark");
        mark.appendChild(text);
        box.appendChild(mark);
      } else {
        box.appendChild(text);
      }
    });
    return box;
  }

  function resultItem(data) {
    var item = element("li", "tracker-search-result");
    var link = element("a", "tracker-search-title", (data.meta && data.meta.title) || data.url);
    link.href = data.url;
    var heading = element("h2");
    heading.appendChild(link);
    item.appendChild(heading);
    var facts = ["kind", "status", "date", "claimant"]
      .map(function (key) { return data.meta && data.meta[key]; })
      .filter(Boolean);
    if (facts.length) item.appendChild(element("p", "tracker-search-facts", facts.join(" · ")));
    if (data.excerpt) item.appendChild(excerptNodes(data.excerpt));
    return item;
  }

  function setupPage(box) {
    var params = new URLSearchParams(document.location.search);
    var form = element("form", "tracker-search-controls");
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Search the records");
    var label = element("label", "tracker-search-label", "Search events, claims, actors and sources");
    label.htmlFor = "tracker-search-field";
    var field = element("input", "tracker-search-field");
    field.id = "tracker-search-field";
    field.type = "search";
    field.name = "q";
    field.autocomplete = "off";
    field.value = params.get("q") || "";
    form.appendChild(label);
    form.appendChild(field);
    // The filter menus list every actor and tag with its count: the largest part of the index a
    // visit would need, so it is fetched only when the reader opens them (or the address names a filter).
    var filterBox = element("details", "tracker-search-filters");
    filterBox.appendChild(element("summary", "tracker-search-filters-toggle", "Filter by kind, assessment, actor or tag"));
    var filterMenus = element("div", "tracker-search-filter-menus");
    filterBox.appendChild(filterMenus);
    form.appendChild(filterBox);
    var status = element("p", "tracker-search-status");
    status.setAttribute("role", "status");
    var list = element("ol", "tracker-search-results");
    var more = element("button", "tracker-button tracker-search-more", "Show more results");
    more.type = "button";
    more.hidden = true;
    box.appendChild(form);
    box.appendChild(status);
    box.appendChild(list);
    box.appendChild(more);
    var header = document.querySelector("[data-tracker-search=query]");
    if (header) header.value = field.value;

    var selects = {};
    var pagefind = null;
    var generation = 0;
    var pending = [];

    function selected() {
      var filters = {};
      FILTERS.forEach(function (pair) {
        // Before the filter menus exist (they load after the first results), the address says.
        var value = selects[pair[0]] ? selects[pair[0]].value : params.get(pair[0]);
        if (value) filters[pair[0]] = value;
      });
      return filters;
    }

    function remember() {
      var next = new URLSearchParams();
      if (field.value.trim()) next.set("q", field.value.trim());
      var filters = selected();
      Object.keys(filters).forEach(function (key) { next.set(key, filters[key]); });
      var query = next.toString();
      history.replaceState(null, "", query ? "?" + query : document.location.pathname);
    }

    // Each result is shown as soon as its own fragment arrives, in its place in the ranking (a
    // hidden slot keeps the place): the first one need not wait for the other nine.
    function showMore() {
      var batch = pending.splice(0, PAGE_SIZE);
      var mine = generation;
      var slots = batch.map(function () {
        var slot = element("li");
        slot.hidden = true;
        list.appendChild(slot);
        return slot;
      });
      return Promise.all(batch.map(function (r, i) {
        return r.data().then(function (data) {
          if (mine === generation) list.replaceChild(resultItem(data), slots[i]);
        });
      })).then(function () {
        if (mine === generation) more.hidden = pending.length === 0;
      });
    }

    function run() {
      remember();
      if (!pagefind) return Promise.resolve();  // typed before the index loaded: run() follows the load
      var term = field.value.trim();
      var filters = selected();
      var mine = ++generation;
      if (!term && !Object.keys(filters).length) {
        list.replaceChildren();
        more.hidden = true;
        status.textContent = "Type a word, or choose a filter.";
        return Promise.resolve();
      }
      return pagefind.search(term || null, { filters: filters }).then(function (search) {
        if (mine !== generation || !search) return;
        list.replaceChildren();
        pending = search.results.slice();
        var n = pending.length;
        status.textContent = n === 0 ? "No matching records." : n === 1 ? "1 matching record." : n + " matching records.";
        return showMore();
      });
    }

    function buildFilters(available) {
      FILTERS.forEach(function (pair) {
        var values = available[pair[0]];
        if (!values || !Object.keys(values).length) return;
        var wrap = element("label", "tracker-search-filter", pair[1] + " ");
        var select = element("select");
        select.name = pair[0];
        var any = element("option", "", "All");
        any.value = "";
        select.appendChild(any);
        Object.keys(values).sort(function (a, b) { return a.localeCompare(b); }).forEach(function (value) {
          var option = element("option", "", value + " (" + values[value] + ")");
          option.value = value;
          select.appendChild(option);
        });
        select.value = params.get(pair[0]) || "";
        select.addEventListener("change", run);
        wrap.appendChild(select);
        filterMenus.appendChild(wrap);
        selects[pair[0]] = select;
      });
    }

    var filtersLoaded = null;
    function loadFilters() {
      if (!filtersLoaded) {
        var note = element("p", "tracker-search-filters-note", "Loading the filters…");
        filterMenus.appendChild(note);
        filtersLoaded = pagefind.filters()
          .then(function (available) { note.remove(); buildFilters(available || {}); })
          .catch(function () { note.textContent = "The filters could not be loaded."; });
      }
      return filtersLoaded;
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    filterBox.addEventListener("toggle", function () { if (filterBox.open && pagefind) loadFilters(); });
    field.addEventListener("input", function () { run(); });
    more.addEventListener("click", showMore);
    status.textContent = "Loading the search index…";
    var base = siteBase();
    // The query is answered first; a search that names no filter loads no filter index.
    if (FILTERS.some(function (pair) { return params.get(pair[0]); })) filterBox.open = true;
    import(new URL("pagefind/pagefind.js", base).href)
      .then(function (module) {
        pagefind = module;
        return pagefind.options({ baseUrl: base.pathname });
      })
      .then(function () { return run(); })
      .then(function () { if (filterBox.open) return loadFilters(); })
      .catch(function () {
        status.textContent = "The search index could not be loaded. Every record is listed on the timeline and in the indexes.";
      });
    field.focus();
  }

  function setup() {
    var box = document.querySelector("[data-tracker-search=page]");
    if (box && !box.dataset.ready) {
      box.dataset.ready = "1";
      setupPage(box);
    }
  }

  shortcuts();
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setup); // Material's instant navigation, when enabled
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
