// The theme's inline scripts, as one file that every page loads synchronously from its header
// (overrides/partials/header.html), where Material placed them. So no page carries inline
// JavaScript and the Content-Security-Policy needs no hash (tracker/csp.py). Parts 2, 3 and 4 are
// Material's own (9.8.1, partials/javascripts/), unminified and commented.

// 1. The palette switch (overrides/partials/palette.html), drawn here, before this script, rather
// than written into every page: only Material's bundle can switch the palette, so a reader without
// JavaScript had no use for it, and the bundle reads it from the page when it loads, after this.
// The build puts the switch's markup, rendered once, in place of the string below
// (tracker/site_assets.py); without it (a bare copy of this file) nothing is drawn.
document.currentScript.insertAdjacentHTML("beforebegin", "" /* the palette switch */);

// 2. Material's storage helpers (base.html), which its bundle calls: settings such as the chosen
// palette are kept in localStorage under the site's root path. Material computes that root from
// the page's base_url; this file is javascripts/frame.js under the root, so the root is its
// parent folder, the same on every page (the 404 page included).
var __md_scope = new URL("..", document.currentScript.src);
var __md_hash = (text) => [...text].reduce((hash, char) => (hash << 5) - hash + char.charCodeAt(0), 0);
var __md_get = (key, storage = localStorage, scope = __md_scope) => JSON.parse(storage.getItem(scope.pathname + "." + key));
var __md_set = (key, value, storage = localStorage, scope = __md_scope) => {
  try {
    storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
  } catch (e) {
    // storage full or refused (private browsing): the choice is not kept, nothing else breaks
  }
};

// 3. The palette the reader chose on an earlier page (the switch drawn above), set on <body> before
// the rest of the page is parsed, so a dark page never flashes light. The bundle saves the choice.
(function () {
  var palette = __md_get("__palette");
  if (!palette || !palette.color) return;
  if (palette.color.media === "(prefers-color-scheme)") {
    var media = matchMedia("(prefers-color-scheme: light)");
    var input = document.querySelector(
      media.matches ? "[data-md-color-media='(prefers-color-scheme: light)']" : "[data-md-color-media='(prefers-color-scheme: dark)']",
    );
    palette.color.media = input.getAttribute("data-md-color-media");
    palette.color.scheme = input.getAttribute("data-md-color-scheme");
    palette.color.primary = input.getAttribute("data-md-color-primary");
    palette.color.accent = input.getAttribute("data-md-color-accent");
  }
  for (var [key, value] of Object.entries(palette.color)) document.body.setAttribute("data-md-color-" + key, value);
})();

// 4. A link to a content tab opens that tab (content.html). Material runs it inline after the
// article; here it waits for the article to be parsed. (The site has no content tabs today.)
document.addEventListener("DOMContentLoaded", function () {
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
});
