"""The site's navigation, written by the generator into docs/SUMMARY.md (``NAV_FILE``), in the
format of mkdocs-literate-nav: MkDocs and ProperDocs read it through that plugin, Zensical
reads it natively, so every engine shows the same navigation with no hook of its own.

templates/nav.md.j2 lists the hand-written pages and places the generated sections. Material
renders the navigation into every page: a long section is cut into numbered groups
("1–50", "51–100"…) and ``navigation.prune`` (mkdocs.yml) renders only the group of the page
shown; otherwise every page would carry every article's link, and the build time would grow
with the square of the number of articles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

GROUP_SIZE = 50  # pages of a section shown at once; longer sections are cut into groups


@dataclass(frozen=True, slots=True)
class NavLink:
    title: str
    page: str  # under docs/


@dataclass(frozen=True, slots=True)
class NavGroup:
    """A section with no page of its own: a run of a long section's links."""

    title: str
    links: tuple[NavLink, ...]


def grouped(links: Sequence[NavLink], size: int = GROUP_SIZE) -> list[NavLink] | list[NavGroup]:
    """``links`` as they are, or cut into groups of ``size`` when there are more."""
    if len(links) <= size:
        return list(links)
    return [NavGroup(f"{start + 1}–{min(start + size, len(links))}", tuple(links[start:start + size]))
            for start in range(0, len(links), size)]
