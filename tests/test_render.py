"""Text from a seed renders literally: Markdown and HTML syntax never become markup."""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.yaml import yaml_load

from build_tools.crossref import CrossReferences
from build_tools.crossref.network import Network
from build_tools.model import Article, Block, BlockKind, CleanResult, DetectedMeta, Reason, Seed, TitleOrigin
from build_tools.registers import Registers
from build_tools.registers.entities import Entities
from build_tools.registers.glossary import Glossary
from build_tools.registers.outlets import Outlets
from build_tools.site.markdown import (
    _LINE_START,
    LinkReferences,
    SafeMarkdown,
    _escape_line_start,
    attr_escape,
    html_escape,
    md_escape,
    md_link,
    safe_href,
)
from build_tools.site.render import Renderer, TemplateError, _elided, _html_rows, squeeze_blank_lines
from build_tools.site.views import INLINE_TEMPLATE, BlockView, Views

from conftest import ROOT

TRICKY = [
    "F**k Around and Find Out, *pas* _ça_ ni __ça__",
    "# pas un titre",
    "1. pas une liste",
    "- pas une liste non plus + ni celle-ci",
    "> pas une citation",
    "<script>alert('x')</script> et <img src=x onerror=alert(1)>",
    "[un lien](javascript:alert(1)) et ![image](x.png) et <https://exemple.org>",
    "{{ variable }} {% bloc %} {# commentaire #}",
    "Texte { #p99 .classe } et {: .autre }",
    "Entités &amp; &lt;b&gt; &copy; et & seul",
    "Tableau | colonne | autre",
    "Code `inline` et ```bloc``` et ~~barré~~ et ==surligné== et ^^inséré^^",
    "Note[^1] et *[HTML]: abréviation",
    "--8<-- \"/etc/passwd\"",
    ";--8<-- \"README.md\"",
    "--8<-- \"secret.txt\"",
    "Barre \\ oblique \\* échappée",
    "texte\tavec\ttabulations et  espaces  doubles",
    "===",
    "Trump 2.0 (mes italiques) : 100% chinoise !",
    "<!-- html -->",  # the marker lines of build_tools/publish/rawhtml.py
    "<!-- /html -->",
]


def markdown_extensions() -> tuple[list[object], dict[str, dict[str, object]]]:
    """The extensions of mkdocs.yml, so that the test renders as the site does."""
    config = yaml_load((ROOT / "mkdocs.yml").read_text("utf-8"))  # MkDocs's loader: mkdocs.yml uses !ENV
    names, configs = [], {}
    for item in config["markdown_extensions"]:
        if isinstance(item, dict):
            (name, options), = item.items()
            names.append(name)
            configs[name] = options or {}
        else:
            names.append(item)
    return names, configs


def to_html(md_text: str) -> BeautifulSoup:
    names, configs = markdown_extensions()
    body = md_text.split("\n---\n", 1)[1] if md_text.startswith("---\n") else md_text
    html = markdown.markdown(body, extensions=names, extension_configs=configs)
    return BeautifulSoup(html, "html.parser")


def block_views(article: Article) -> list[BlockView]:
    empty = Registers(Entities(()), Glossary(()), Outlets(()))
    nothing = CrossReferences({}, Counter(), {}, Network(Counter(), Counter(), []), [])
    inline = Renderer(ROOT / "templates").module(INLINE_TEMPLATE)
    return Views([article], empty, nothing, inline).block_views(article, LinkReferences())


def article_with(texts: list[str], kind: BlockKind) -> Article:
    blocks = tuple(Block(f"p{i}", kind, t, i) for i, t in enumerate(texts, start=1))
    seed = Seed(path=ROOT / "seeds" / "x.txt", rel_path="seeds/x.txt", lines=())
    return Article(seed=seed, slug="x", title="Titre *avec* <b>balises</b> [et] {{ x }}", title_origin=TitleOrigin.TEXT,
                   author="Jean_Dupont*", date=None, source="Source | <i>", publisher=None,
                   original_url=None, clean=CleanResult((), blocks, (), DetectedMeta()))


@pytest.mark.parametrize("kind", list(BlockKind))
def test_seed_text_renders_literally(kind: BlockKind) -> None:
    article = article_with(TRICKY, kind)
    page = Renderer(ROOT / "templates").render("article.md.j2", article=article,
                                               blocks=block_views(article), description="d",
                                               meta_links={}, meta_notes={}, related=[], mentioned=[], tei="tei/a.xml",
                                               source="articles/a/texte-source.md")
    soup = to_html(page)
    for i, text in enumerate(TRICKY, start=1):
        element = soup.find(id=f"p{i}")
        assert element is not None, f"block p{i} lost its anchor"
        assert element.get_text() == text
    soup.find(class_="formats").decompose()  # the template's own link to the TEI file
    for tag in ("script", "img", "a", "em", "strong", "code", "ol", "ul", "table", "sup", "abbr", "del", "mark"):
        assert soup.find(tag) is None, f"<{tag}> produced from seed text"
    assert soup.h1.get_text() == article.title
    meta = soup.find(class_="article-meta").get_text()
    assert "Jean_Dupont*" in meta and "Source | <i>" in meta


# The escapes as a table: what the quick escaping (``str.replace`` steps) must give.
ESCAPES = str.maketrans({**{c: "\\" + c for c in "\\`*_{}[]!"}, "&": "&amp;", "<": "&lt;", ">": "&gt;",
                         "|": "&#124;", "\t": "&#9;"})
ESCAPABLE = "\\`*_{}[]()#+-.!&<>|\t;a1 é’&#124;\n=\"'"


@given(st.text(alphabet=st.sampled_from(ESCAPABLE), max_size=300))
def test_escaping_step_by_step_is_the_same_as_by_table(text: str) -> None:
    assert md_escape(text) == _LINE_START.sub(_escape_line_start, text.translate(ESCAPES))
    assert html_escape(text) == html.escape(text).replace("\t", "&#9;")
    assert attr_escape(text) == text.translate(str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                                                              "\\": "&#92;", "\n": " "}))


@given(st.text(alphabet=st.sampled_from("\n\n\na "), max_size=60))
def test_squeezing_blank_lines_leaves_at_most_one_in_a_row(text: str) -> None:
    assert squeeze_blank_lines(text) == re.sub(r"\n{3,}", "\n\n", text)


MARKUP = "\\`*_{}[]()#+-.!&<>|=~^:;\"'/ 1a2é"


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(MARKUP), min_size=1, max_size=40).map(str.strip).filter(bool),
       st.sampled_from(["", "link", "reference", "note"]))
def test_any_text_renders_literally_even_after_a_link_or_a_note_call(text: str, before: str) -> None:
    references = LinkReferences()
    lead = {"": "", "link": md_link("lien", "page.md"), "reference": references.link("lien", "page.md", "titre"),
            "note": "Mot[^n1]"}[before]
    notes = "\n\n[^n1]: Note." if before == "note" else ""
    soup = to_html(f"{lead}{md_escape(text)}\n{{ #p1 }}{notes}\n\n{references.definitions()}")
    paragraph = soup.find(id="p1")
    assert paragraph is not None
    for made in paragraph.find_all(["sup", "a"]):  # the note call or the link put before the text
        made.decompose()
    assert paragraph.get_text() == {"note": "Mot"}.get(before, "") + text
    assert not paragraph.find_all(True), f"markup made of {text!r}"


def test_long_seed_text_renders_literally() -> None:
    text = " ".join(TRICKY) * 3
    soup = to_html(block_views(article_with([text], BlockKind.PARAGRAPH))[0].markdown + "\n{ #p1 }")
    assert soup.find(id="p1").get_text() == text
    assert soup.find("a") is None and soup.find("em") is None


def test_front_matter_title_is_valid_yaml_and_html_text_for_the_engines() -> None:
    """Every engine prints a page's title and description as they are, taken for HTML: the
    front matter holds them escaped (and the description's quotes, for its attribute)."""
    article = article_with(["x"], BlockKind.PARAGRAPH)
    page = Renderer(ROOT / "templates").render("article.md.j2", article=article,
                                               blocks=block_views(article),
                                               description='a "b" <i>: c', meta_links={}, meta_notes={}, related=[],
                                               mentioned=[], tei="tei/a.xml", source="articles/a/texte-source.md")
    front = yaml.safe_load(page.split("---\n")[1])
    assert {key: front[key] for key in ("title", "description")} == {
        "title": "Titre *avec* &lt;b&gt;balises&lt;/b&gt; [et] {{ x }}", "description": "a &quot;b&quot; &lt;i&gt;: c"}
    assert article.title == "Titre *avec* <b>balises</b> [et] {{ x }}"
    assert front["pagefind"]["filters"]["Article"] == article.title


def test_structured_data_names_the_original_and_only_what_is_known() -> None:
    article = replace(article_with(["x"], BlockKind.PARAGRAPH), original_url="https://example.org/a?b=1&c=<2>")
    page = Renderer(ROOT / "templates").render("article.md.j2", article=article, blocks=block_views(article),
                                               description="d", meta_links={}, meta_notes={}, related=[],
                                               mentioned=[], tei="tei/a.xml", source="articles/a/texte-source.md")
    front = yaml.safe_load(page.split("---\n")[1])
    assert front["structured"]["isBasedOn"] == "https://example.org/a?b=1&c=<2>"
    assert front["structured"]["author"] == {"@type": "Person", "name": "Jean_Dupont*"}
    assert "datePublished" not in front["structured"] and "date" not in front["citation"]
    assert "mentions" not in front["structured"]
    assert "<2>" not in page.split("---\n")[1]  # the front matter holds JSON escaped for HTML


def test_links_refuse_scripts_and_escape_titles() -> None:
    with pytest.raises(ValueError):
        safe_href("javascript:alert(1)")
    link = md_link("a*b", "../x (1).md", 'titre "cité" <b>')
    anchor = to_html(link).a
    assert anchor.get_text() == "a*b"
    assert anchor["href"] == "../x%20%281%29.md"
    assert anchor["title"] == 'titre "cité" <b>'


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from(MARKUP), min_size=1, max_size=30).map(str.strip).filter(bool),
       st.sampled_from(["page.md", "../entites/x (1).md#a", "https://exemple.org/a?b=c&d=[e]"]),
       st.text(alphabet=st.sampled_from(MARKUP + "\n"), min_size=1, max_size=60).filter(str.strip))
def test_a_reference_links_its_text_to_its_target_with_its_title_as_written(text: str, href: str,
                                                                             title: str) -> None:
    references = LinkReferences()
    soup = to_html(f"Voir {references.link(text, href, title)}.\n\n{references.definitions()}")
    (anchor,) = soup.find_all(True)[1:]  # the paragraph holds the link alone
    assert soup.p.get_text() == f"Voir {text}."
    assert anchor["href"] == to_html(md_link(text, href)).a["href"] == safe_href(href)
    # As written, where an inline link's title loses what looks like Markdown ("`code`" its
    # backticks): it lies in the paragraph, which Python-Markdown reads.
    assert anchor["title"] == title.replace("\n", " ").strip()


@pytest.mark.parametrize("text", ["a]: b", "]:", "[Exclusif]: suite", "a\\]: b"])
def test_a_link_at_the_start_of_a_line_whose_text_holds_a_bracket_and_a_colon_stays_a_link(text: str) -> None:
    references = LinkReferences()
    page = f"{md_link(text, 'a.md')}\n{references.link(text, 'b.md', 'Titre')}\n\n{references.definitions()}"
    soup = to_html(page)
    assert [(a.get_text(), a["href"]) for a in soup.find_all("a")] == [(text, "a.md"), (text, "b.md")]
    assert soup.p.get_text() == f"{text}\n{text}"


def test_a_target_linked_again_with_the_same_title_is_defined_once() -> None:
    references = LinkReferences()
    first = references.link("UE", "../entites/ue.md", "Union européenne — Union de 27 États.")
    again = references.link("l’Union", "../entites/ue.md", "Union européenne — Union de 27 États.")
    other_title = references.link("UE", "../entites/ue.md", "Union de 27 États.")
    untitled = references.link("UE", "../entites/ue.md")
    assert (first, again, other_title) == ("[UE][1]", "[l’Union][1]", "[UE][2]")
    assert untitled == md_link("UE", "../entites/ue.md")  # short: inline
    assert references.definitions().splitlines() == [
        '[1]: <../entites/ue.md> "Union européenne — Union de 27 États."',
        '[2]: <../entites/ue.md> "Union de 27 États."']


def test_a_paragraph_that_starts_with_a_reference_and_a_colon_is_not_a_definition() -> None:
    references = LinkReferences()
    soup = to_html(f"{references.link('UE', 'ue.md', 'Union')}: suite\n{{ #p1 }}\n\n{references.definitions()}")
    assert soup.find(id="p1").get_text() == "UE: suite"
    assert soup.find(id="p1").a["href"] == "ue.md"


def test_the_renderer_defines_the_references_of_a_page_at_its_end(tmp_path: Path) -> None:
    (tmp_path / "page.md.j2").write_text(
        "# Titre\n\n{{ link('A', 'a.md', 'Le titre de A') }} et {{ link('B', 'b.md') }}\n\n- liste\n", "utf-8")
    (tmp_path / "plain.md.j2").write_text("# Titre\n\n{{ link('B', 'b.md') }}\n", "utf-8")
    page = Renderer(tmp_path).render("page.md.j2")
    assert page == '# Titre\n\n[A][1] et [B](<b.md>)\n\n- liste\n\n[1]: <a.md> "Le titre de A"\n'
    soup = to_html(page)
    assert [(a.get_text(), a["href"], a.get("title")) for a in soup.find_all("a")] == [
        ("A", "a.md", "Le titre de A"), ("B", "b.md", None)]
    assert soup.li.get_text() == "liste"
    assert Renderer(tmp_path).render("plain.md.j2") == "# Titre\n\n[B](<b.md>)\n"


def test_html_between_the_marker_lines_passes_through_and_an_open_marker_is_left_alone() -> None:
    soup = to_html("Avant\n\n<!-- html -->\n<ul>\n<li>*pas* de Markdown ici</li>\n</ul>\n<!-- /html -->\n\nAprès *ici*")
    assert soup.li.get_text() == "*pas* de Markdown ici"
    assert soup.find("em").get_text() == "ici"
    soup = to_html("<!-- html -->\n\nTexte *lu*")
    assert soup.find("em").get_text() == "lu"


ROW = '<li><a href="{url}#{item.id}" title="{item.text}">{item.text}</a> <b>{label}</b> § {item.number}</li>'


def test_html_rows_escape_every_field_of_the_items_and_values() -> None:
    blocks = [Block(f"p{i}", BlockKind.PARAGRAPH, text + ' "{0}" {url} {{x}}', i) for i, text in enumerate(TRICKY, 1)]
    url = '../page "x" <y>/'
    rows = _html_rows(blocks, ROW, url=url, label="<i>{label}</i>")
    soup = to_html(f"<!-- html -->\n<ul>\n{rows}\n</ul>\n<!-- /html -->")
    items = soup.find_all("li")
    assert len(items) == len(blocks)
    for item, block in zip(items, blocks, strict=True):
        assert item.a.get_text() == block.text
        assert item.a["title"] == block.text
        assert item.a["href"] == f"{url}#{block.id}"
        assert item.b.get_text() == "<i>{label}</i>"
        assert item.get_text() == f"{block.text} <i>{{label}}</i> § {block.number}"
    assert soup.find(["script", "img", "i", "em", "strong", "code"]) is None


def test_html_rows_write_markup_as_it_is_and_join_with_the_separator() -> None:
    blocks = [Block("p1", BlockKind.PARAGRAPH, "a", 1), Block("p2", BlockKind.PARAGRAPH, "b", 2)]
    rows = _html_rows(blocks, "<a href='#{item.id}'>{label}</a>", sep=", ", label=SafeMarkdown("<i>§</i>"))
    assert rows == "<a href='#p1'><i>§</i></a>, <a href='#p2'><i>§</i></a>"
    braces = _html_rows(blocks, "<i>{{{item.id}}}</i> {{{label}}}", label="&")
    assert braces == "<i>{p1}</i> {&amp;}\n<i>{p2}</i> {&amp;}"
    assert _html_rows(blocks, "<hr>{{}}", sep="") == "<hr>{}<hr>{}"
    assert _html_rows([], "<li>{item.id}</li>") == ""


@pytest.mark.parametrize(("row", "message"), [
    ("<li>{item}</li>", "{item.attribute}"),
    ("<li>{item.text!r}</li>", "{item.attribute}"),
    ("<li>{item.text:>9}</li>", "{item.attribute}"),
    ("<li>{0}</li>", "{item.attribute}"),
    ("<li>{item[0]}</li>", "{item.attribute}"),
    ("<li>{missing}</li>", "pass it as missing="),
])
def test_html_rows_refuse_a_field_they_cannot_escape_or_fill(row: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        _html_rows([Block("p1", BlockKind.PARAGRAPH, "a", 1)], row)


def test_a_template_edited_between_two_renderings_is_read_again(tmp_path: Path) -> None:
    """``mkdocs serve`` renders the edition again after each edit: an edited template (or a
    macro it imports) is read again then."""
    import os  # noqa: PLC0415

    (tmp_path / "_m.md.j2").write_text("{% macro sig() %}un{% endmacro %}", encoding="utf-8")
    (tmp_path / "p.md.j2").write_text('{% from "_m.md.j2" import sig %}Avant {{ sig() }}', encoding="utf-8")
    assert Renderer(tmp_path).render("p.md.j2") == "Avant un\n"

    def edit(name: str, text: str) -> None:
        path = tmp_path / name
        mtime = path.stat().st_mtime
        path.write_text(text, encoding="utf-8")
        os.utime(path, (mtime + 10, mtime + 10))  # a change the file system's clock can tell

    edit("p.md.j2", '{% from "_m.md.j2" import sig %}Après {{ sig() }}')
    edit("_m.md.j2", "{% macro sig() %}deux{% endmacro %}")
    assert Renderer(tmp_path).render("p.md.j2") == "Après deux\n"


def test_a_name_the_template_does_not_have_is_named_with_the_template_and_its_line(tmp_path: Path) -> None:
    (tmp_path / "page.md.j2").write_text("# {{ title }}\n\n{{ entity.descripton }}\n", "utf-8")
    with pytest.raises(TemplateError) as error:
        Renderer(tmp_path).render("page.md.j2", title="Titre", entity=Block("p1", BlockKind.PARAGRAPH, "a", 1))
    assert str(error.value).startswith(f"{tmp_path / 'page.md.j2'}:3: ")
    assert "'descripton'" in str(error.value)


def test_a_template_that_does_not_parse_is_named_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "page.md.j2").write_text("# Titre\n\n{% if %}\n", "utf-8")
    with pytest.raises(TemplateError, match=re.escape(f"{tmp_path / 'page.md.j2'}:3: ")):
        Renderer(tmp_path).render("page.md.j2")


def test_an_error_in_a_macro_names_the_macro_s_template(tmp_path: Path) -> None:
    (tmp_path / "_m.md.j2").write_text("{% macro sig(x) %}\n{{ x.missing }}\n{% endmacro %}", "utf-8")
    (tmp_path / "p.md.j2").write_text('{% from "_m.md.j2" import sig %}\nAvant {{ sig(1) }}\n', "utf-8")
    with pytest.raises(TemplateError, match=re.escape(f"{tmp_path / '_m.md.j2'}:2: ")):
        Renderer(tmp_path).render("p.md.j2")


@pytest.mark.parametrize(("count", "current", "shown"), [
    (7, None, [1, 2, 3, 4, 5, 6, 7]),  # few pages: all of them
    (30, None, [1, 2, 3, None, 30]),  # none shown: the first ones and the last
    (30, 15, [1, None, 13, 14, 15, 16, 17, None, 30]),
    (30, 4, [1, 2, 3, 4, 5, 6, None, 30]),  # a gap of one page shows that page
    (30, 30, [1, None, 28, 29, 30]),
])
def test_a_pager_of_many_pages_is_elided_around_the_page_shown(count: int, current: int | None,
                                                              shown: list[int | None]) -> None:
    assert _elided(list(range(1, count + 1)), current) == shown


def test_every_reason_a_line_is_left_out_for_has_its_french_words() -> None:
    labels = Renderer(ROOT / "templates").module("_labels.md.j2").REMOVAL_REASONS
    assert {reason.value for reason in Reason} <= set(labels), "say it in templates/_labels.md.j2"
