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
lines (its ``<`` is escaped). A marker left open is left to Python-Markdown."""

from __future__ import annotations

from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
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


class RawHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's name
        # After the whitespace is normalised (30), before raw HTML is read (20).
        md.preprocessors.register(_PassThrough(md), "edition_raw_html", 25)


def makeExtension(**kwargs: Any) -> RawHtmlExtension:  # Python-Markdown's name
    return RawHtmlExtension(**kwargs)
