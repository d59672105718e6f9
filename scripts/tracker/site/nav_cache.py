"""The site navigation, rendered once per folder (depth and first folder) for the pages not in it.

Every page carries the navigation (the sidebar on a desktop, the drawer on a phone). Rendering it
is Jinja walking the nav tree: at 10,000 records about a third of the theme's time per page.
For a page that is not itself in the nav (every record page, every list page of a record), no item
is marked as the current one and the links are relative: from claims/some-id/ the timeline is
"../../timeline/", and the claims index "../" (MkDocs shortens a link within the same folder). The
result then depends only on the page's depth and first folder, so it is rendered for the first
page of each such pair and reused; pages in the nav (a handful) are rendered as usual. overrides/partials/nav.html
calls ``tracker_nav()`` (and includes nav-fresh.html itself where the hooks did not install it).
"""

from __future__ import annotations

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

FRESH = "partials/nav-fresh.html"  # the navigation itself; nav.html is the cached wrapper


def install(env: Environment) -> None:
    """Give the theme's templates ``tracker_nav()``; a new build (a new environment) starts a new cache."""
    cache: dict[tuple[int, str], Markup] = {}

    @pass_context
    def tracker_nav(context: Context) -> Markup:
        page, nav = context.get("page"), context.get("nav")
        if page is None or nav is None or any(item is page for item in nav.pages):
            return Markup(env.get_template(FRESH).render(context.get_all()))
        # directory URLs: "claims/some-id/" is two folders down, in "claims" (every nav page is one folder down at most)
        where = (page.url.count("/"), page.url.split("/", 1)[0])
        if where not in cache:
            cache[where] = Markup(env.get_template(FRESH).render(context.get_all()))
        return cache[where]

    env.globals["tracker_nav"] = tracker_nav
