"""A Python-Markdown extension: HTML written by the templates, passed through unread.

Python-Markdown reads every tag of the raw HTML in a page with Python's ``html.parser``,
to find where each block ends. The long lists of the generated pages (an entity's mentions,
the paragraphs where a glossary term is used) are HTML made by the templates, tens of
thousands of tags on a large edition. The templates put such HTML between two lines of
their own::

    <!-- html -->
    <ul>…</ul>
    <!-- /html -->

and this extension stores what lies between them as Python-Markdown stores any raw HTML
block, without reading it. It trusts that HTML as it trusts the templates: every value
printed in it is escaped by the ``html`` filter. Text from a seed can never hold the marker
lines (its ``<`` is escaped). A marker left open is left to Python-Markdown.

Links in raw HTML are written as in Markdown: to the page's source, relative to the page
(``href="../entites/chine.md#p3"``), so that docs/ is the same for every engine. Zensical
resolves such links in raw HTML itself; MkDocs and ProperDocs leave raw HTML as it is, so
the extension resolves them there as the engine resolves Markdown links (with its
``relpath`` step, which also checks that the page exists)."""

from __future__ import annotations

import html
import re
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

START = "<!-- html -->"
END = "<!-- /html -->"


class _PassThrough(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        block: list[str] | None = None
        for line in lines:
            if block is None:
                if line == START:
                    block = []
                else:
                    out.append(line)
            elif line == END:
                out += ["", self.md.htmlStash.store("\n".join(block)), ""]
                block = None
            else:
                block.append(line)
        if block is not None:
            out += [START, *block]
        return out


# A relative link to a page's source in an attribute: href="../x/y.md#anchor" (no scheme, not
# from the site's root).
_SOURCE_LINK = re.compile(r'(?<=href=")[^"#:?/][^"#:?]*\.md(?:#[^"]*)?(?=")')


class _ResolveLinks(Postprocessor):
    """The links to pages' sources in raw HTML, resolved by the engine's own ``relpath``
    step where it has one (MkDocs, ProperDocs), before the raw HTML goes back in the page."""

    def run(self, text: str) -> str:
        if "relpath" not in self.md.treeprocessors:  # Zensical: it resolves them itself
            return text
        to_url = self.md.treeprocessors["relpath"].path_to_url  # type: ignore[attr-defined]

        def resolve(link: re.Match[str]) -> str:
            # The page only: the engine checks anchors against the ids of Markdown's own elements,
            # and raw HTML has ids of its own (an entity's articles on its pages of mentions);
            # tests/test_links.py checks every link and anchor of the built site.
            path, hash_, anchor = html.unescape(link[0]).partition("#")
            return html.escape(to_url(path) + hash_ + anchor)

        blocks = self.md.htmlStash.rawHtmlBlocks
        for n, block in enumerate(blocks):
            if isinstance(block, str) and ".md" in block:
                blocks[n] = _SOURCE_LINK.sub(resolve, block)
        return text


class RawHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's name
        # After the whitespace is normalised (30), before raw HTML is read (20).
        md.preprocessors.register(_PassThrough(md), "edition_raw_html", 25)
        # Before the raw HTML is put back in the page (30).
        md.postprocessors.register(_ResolveLinks(md), "edition_raw_html_links", 35)


def makeExtension(**kwargs: Any) -> RawHtmlExtension:  # Python-Markdown's name
    return RawHtmlExtension(**kwargs)
