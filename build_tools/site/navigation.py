"""The site's navigation, written by the generator into docs/SUMMARY.md (``NAV_FILE``), in the
format of mkdocs-literate-nav: MkDocs and ProperDocs read it through that plugin, Zensical
reads it natively, so every engine shows the same navigation with no hook of its own.

templates/nav.md.j2 lists the hand-written pages and places the generated sections. Material
renders the navigation into every page: a long section is cut into numbered groups
("1–50", "51–100"…) and ``navigation.prune`` (mkdocs.yml) renders only the group of the page
shown; otherwise every page would carry every article's link, and the build time would grow
with the square of the number of articles. A large edition's articles are sorted by year and
month (``by_month``): a page then carries the years, the months of its year and the links of
its own group, however many articles the edition has."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

GROUP_SIZE = 50  # pages of a section shown at once; longer sections are cut into groups


@dataclass(frozen=True, slots=True)
class NavLink:
    title: str
    page: str  # under docs/


@dataclass(frozen=True, slots=True)
class NavGroup:
    """A section: a run of a long section's links, a year's months, a month's articles; the
    page its title leads to, if it has one."""

    title: str
    links: tuple[NavLink | NavGroup, ...]
    page: str | None = None


def grouped(links: Sequence[NavLink], size: int = GROUP_SIZE) -> list[NavLink] | list[NavGroup]:
    """``links`` as they are, or cut into groups of ``size`` when there are more."""
    if len(links) <= size:
        return list(links)
    return [NavGroup(f"{start + 1}–{min(start + size, len(links))}", tuple(links[start:start + size]))
            for start in range(0, len(links), size)]


def by_month(months: Sequence[tuple[str | None, NavLink, Sequence[NavLink]]]) -> list[NavGroup]:
    """A section per year, holding a section per month, whose title leads to the month's
    first page of articles and which holds its articles' links (``grouped``). ``months``: each
    month's key ("2025-03"; None for the undated articles, which come last and get a section
    beside the years), its page and its articles."""
    sections: list[NavGroup] = []
    for year, of_year in groupby(months, key=lambda month: month[0][:4] if month[0] else None):
        groups = [NavGroup(link.title, tuple(grouped(links)), link.page) for _, link, links in of_year]
        sections.extend(groups if year is None else [NavGroup(year, tuple(groups))])
    return sections
