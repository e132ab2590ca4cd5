"""The region's view: every roadmap as a static site (``roadmapctl site``).

``build(request)`` reads the roadmaps (``parts``: one roadmap's pages and files, in worker
processes for a big region), lays out the site (``layout``: addresses of pages and files),
writes the pages through Jinja templates (``pages``, ``templates/site/``) and writes the folder
under the output rules (``output``). Plain files only: every style and script is in the site.
"""

from __future__ import annotations

from roadmapctl.site.request import SiteRequest, SiteResult

__all__ = ["SiteRequest", "SiteResult", "build"]


def build(request: SiteRequest) -> SiteResult:
    """Build the site that ``request`` asks for (see ``roadmapctl.site.build_site``)."""
    from roadmapctl.site.build_site import build_site

    return build_site(request)
