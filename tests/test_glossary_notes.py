"""The annotated layer: glossary terms, editorial notes, the outlets; and their bad inputs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from build_tools.build import build, build_edition
from build_tools.errors import InputError
from build_tools.model import BlockKind, NoteKind
from build_tools.project import Paths

from conftest import ROOT


@pytest.fixture(scope="module")
def edition():  # type: ignore[no-untyped-def]
    return build_edition(Paths.at(ROOT))


def article(edition, slug):  # type: ignore[no-untyped-def]
    return next(a for a in edition.articles if a.slug == slug)


# --- Terms ---------------------------------------------------------------------------

def test_terms_of_the_issue_are_found_in_the_texts(edition) -> None:  # type: ignore[no-untyped-def]
    found = {(t.term, t.text) for a in edition.articles for t in a.terms}
    for term, text in [("llm", "LLM"), ("llm", "grands modèles de langage"), ("gpu", "GPU"),
                       ("swift", "SWIFT"), ("cips", "CIPS"), ("gnl", "GNL"), ("pib", "PIB"), ("ppa", "PPA"),
                       ("terres-rares", "terres rares"), ("decouplage", "découplage"),
                       ("guerre-par-procuration", "guerre par procuration"),
                       ("bulle-speculative", "bulle spéculative"), ("capital-risque", "capital-risque"),
                       ("techno-feodalisme", "techno-féodalisme"), ("sud-mondial", "Sud mondial"),
                       ("majorite-mondiale", "Majorité mondiale"), ("majorite-mondiale", "majorité mondiale"),
                       ("ratio-cours-benefice", "ratios cours/bénéfice"),
                       ("small-yard-high-fence", "small yard, high fence")]:
        assert (term, text) in found, (term, text)


def test_every_glossary_term_occurs_and_the_build_has_no_warning(edition) -> None:  # type: ignore[no-untyped-def]
    used = {t.term for a in edition.articles for t in a.terms}
    assert used == {t.id for t in edition.registers.glossary}
    assert edition.warnings == []


def test_terms_never_overlap_entities_nor_sit_in_headings(edition) -> None:  # type: ignore[no-untyped-def]
    for a in edition.articles:
        kinds = {b.id: b.kind for b in a.blocks}
        for t in a.terms:
            assert a.block(t.block).text[t.start:t.end] == t.text
            if kinds[t.block] is BlockKind.HEADING:
                assert not t.marked
            overlapping = [m for m in a.mentions if m.block == t.block and m.start < t.end and t.start < m.end]
            assert overlapping == [], (t, overlapping)


def test_first_occurrence_of_a_term_per_section_is_marked(edition) -> None:  # type: ignore[no-untyped-def]
    checked = 0
    for a in edition.articles:
        seen: set[str] = set()
        by_block = a.terms_by_block
        for block in a.blocks:
            if block.kind is BlockKind.HEADING:
                seen = set()
                continue
            for t in by_block.get(block.id, []):
                assert t.marked == (t.term not in seen)
                seen.add(t.term)
                checked += 1
    assert checked > 100


# --- Notes ---------------------------------------------------------------------------

def test_notes_of_the_issue_are_there(edition) -> None:  # type: ignore[no-untyped-def]
    notes = {(a.slug, p.note.kind, p.note.quote) for a in edition.articles for p in a.notes}
    assert ("mission-genesis-sauvetage-ia", NoteKind.CORRECTION, "Gary Markus") in notes
    assert ("mission-genesis-sauvetage-ia", NoteKind.CORRECTION, "Gary Sacks") in notes
    defis = article(edition, "trois-defis-trump-2-0")
    kinds = {p.block: p.note.kind for p in defis.notes}
    assert kinds["p31"] is NoteKind.TRANSLATION  # the English heading
    assert kinds["p45"] is NoteKind.TRANSLATION  # the English refrain
    assert kinds["p17"] is NoteKind.CONTEXT  # DeepSeek's reported training cost
    assert kinds["p7"] is NoteKind.CONTEXT  # "la plus grande quantité de pétrole et de gaz"


def test_context_and_source_notes_name_their_sources(edition) -> None:  # type: ignore[no-untyped-def]
    for a in edition.articles:
        for p in a.notes:
            if p.note.kind in (NoteKind.CONTEXT, NoteKind.SOURCE):
                assert p.note.sources and all(s.title for s in p.note.sources), p.note.id


def test_every_outlet_of_an_article_has_a_provenance_note(edition) -> None:  # type: ignore[no-untyped-def]
    for a in edition.articles:
        named = {v for v in (a.source, a.publisher) if v}
        noted = {p.note.quote for p in a.notes if p.note.kind is NoteKind.SOURCE and p.block is None}
        assert named == noted, a.slug


def notes_file(project: Path, body: str) -> Path:
    path = project / "data" / "notes" / "002_ba99f5c80d44e674.yml"
    path.write_text(body, "utf-8")
    return path


NOTE = "- id: {id}\n  kind: {kind}\n  quote: \"{quote}\"\n  text: Une note.\n"


@pytest.mark.parametrize(("body", "message"), [
    (NOTE.format(id="absente", kind="translation", quote="introuvable"),
     r"002_ba99f5c80d44e674\.yml:1 \[quote\]: note 'absente': the quotation 'introuvable' is not in the article"),
    (NOTE.format(id="double", kind="translation", quote="Musk"),
     r"\.yml:1 \[quote\]: note 'double': the quotation 'Musk' occurs \d+ times"),
    (NOTE.format(id="a", kind="translation", quote="Oracle") * 2,
     r"\.yml:5 \[id\]: duplicate id 'a' \(first on line 1\)"),
    (NOTE.format(id="c", kind="context", quote="Memphis (Tennessee)"), r"\.yml:1 \[0\]: 'sources' is a required"),
    (NOTE.format(id="k", kind="avis", quote="Memphis (Tennessee)"), r"\.yml:2 \[0\.kind\]: 'avis' is not allowed"),
    (NOTE.format(id="source-x", kind="translation", quote="Memphis (Tennessee)"), r"reserved"),
    ("- id: vide\n  kind: translation\n  quote: \"Memphis\"\n  text: \"  \"\n", r"\.yml:4 \[0\.text\]"),
    ("- id: [pas, un, id]\n", r"\.yml:1 \[0\.id\]"),
    ("- id: x\n  kind: translation\n  quote: \"a\n", r"\.yml:3: while scanning a quoted scalar"),
])
def test_bad_notes_name_file_line_and_note(project: Path, body: str, message: str) -> None:
    notes_file(project, body)
    with pytest.raises(InputError, match=message):
        build(Paths.at(project))


def test_a_note_lands_after_its_quotation_even_inside_a_link(project: Path) -> None:
    # "Memphis" is a linked mention: a quotation ending inside it puts the call after the name.
    notes_file(project, NOTE.format(id="dans-un-lien", kind="translation", quote="à Memph"))
    edition, _ = build(Paths.at(project))
    page = (project / "docs" / "articles" / "musk-stargate-trump.md").read_text("utf-8")
    link = re.search(r"à \[Memphis\]\[(\d+)\]\{ \.mention \}", page)
    assert link is not None
    assert f"{link[0]}[^dans-un-lien] \\([Tennessee]" in page
    assert f"\n[{link[1]}]: <../entites/memphis.md> " in page
    assert "[^dans-un-lien]: **Traduction.** Une note." in page
    assert edition.articles


def test_glossary_form_that_names_an_entity_is_refused(project: Path) -> None:
    path = project / "data" / "glossary.yml"
    path.write_text(path.read_text("utf-8") + "\n- id: musk\n  term: Elon Musk\n  definition: Homme d'affaires.\n",
                    "utf-8")
    with pytest.raises(InputError, match=r"glossary\.yml:\d+: 'Elon Musk' \(term 'musk'\) is also a name of entity"):
        build(Paths.at(project))


@pytest.mark.parametrize(("entry", "message"), [
    ("- id: llm\n  term: Autre\n  definition: x.\n", r"duplicate id 'llm'"),
    ("- id: autre-llm\n  term: LLM\n  definition: x.\n", r"'LLM' is claimed by 'autre-llm' and by 'llm'"),
    ("- id: vide\n  term: Vide\n  definition: \" \"\n", r"\[\d+\.definition\]"),
    ("- id: sans-definition\n  term: Rien\n", r"'definition' is a required property"),
    ("- id: objet\n  term: !!python/object:os.system echo\n  definition: x.\n", r"glossary\.yml:\d+"),
])
def test_bad_glossary_entries_are_refused_with_their_line(project: Path, entry: str, message: str) -> None:
    path = project / "data" / "glossary.yml"
    path.write_text(path.read_text("utf-8") + "\n" + entry, "utf-8")
    with pytest.raises(InputError, match=message):
        build(Paths.at(project))


def test_an_unknown_outlet_is_a_warning_naming_the_seed(project: Path) -> None:
    meta = project / "data" / "articles" / "003_e3939c65c73ab86d.yml"
    meta.write_text(meta.read_text("utf-8") + "source: Le Journal Inconnu\n", "utf-8")
    edition, _ = build(Paths.at(project))
    assert any("003_e3939c65c73ab86d.txt: source 'Le Journal Inconnu' has no entry in data/sources.yml" in w
               for w in edition.warnings)


# --- Pages and export ----------------------------------------------------------------

def test_export_carries_terms_notes_glossary_and_sources(project: Path) -> None:
    build(Paths.at(project))
    record = json.loads((project / "docs" / "edition.json").read_text("utf-8"))
    ids = {t["id"] for t in record["glossary"]}
    for a in record["articles"]:
        blocks = {b["id"]: b["text"] for b in a["blocks"]}
        assert all(t["term"] in ids and blocks[t["block"]][t["start"]:t["end"]] == t["text"] for t in a["terms"])
        for n in a["notes"]:
            assert n["block"] is None or n["quote"] in blocks[n["block"]] or n["kind"] != "source"
    assert {o["name"] for o in record["sources"]} >= {a["source"] for a in record["articles"] if a["source"]}
    assert all(t["url"] == f"glossaire/#{t['id']}" for t in record["glossary"])


def test_pages_carry_definitions_and_notes(project: Path) -> None:
    build(Paths.at(project))
    for path in (project / "docs" / "articles").glob("*.md"):
        if path.name == "index.md":
            continue
        text = path.read_text("utf-8").split("\n---\n", 1)[1]
        html = markdown.markdown(text, extensions=["attr_list", "footnotes", "toc", "md_in_html"])
        soup = BeautifulSoup(html, "html.parser")
        terms = soup.select("a.terme")
        assert terms and all(a.get("title") and "glossaire.md#" in a["href"] for a in terms), path.name
        calls = soup.select("sup[id^='fnref:'] a")
        notes = soup.select("div.footnote li[id^='fn:']")
        assert len(calls) == len(notes) > 0, path.name


def test_every_article_names_two_related_articles_with_their_reasons(edition) -> None:  # type: ignore[no-untyped-def]
    from build_tools.crossref.related import related_articles  # noqa: PLC0415

    related = related_articles(edition.articles, edition.registers.entities)
    everywhere = set.intersection(*({m.entity for m in a.mentions} for a in edition.articles))
    for a in edition.articles:
        assert len(related[a.slug]) >= 2, a.slug
        for r in related[a.slug]:
            assert r.article.slug != a.slug and r.score > 0
            ids = {e.id for e in r.shared}
            assert ids <= {m.entity for m in a.mentions} & {m.entity for m in r.article.mentions}
            assert not ids & everywhere  # an entity every article names says nothing
        assert [r.score for r in related[a.slug]] == sorted((r.score for r in related[a.slug]), reverse=True)


# --- What holds for a month ---------------------------------------------------------------

def test_what_holds_for_a_month_says_so_on_the_page_and_in_the_export(project: Path) -> None:
    """A description, a definition, a provenance or a note dated by ``as_of`` shows « État en … »."""
    def add_as_of(path: Path, record: str, month: str) -> None:
        text = path.read_text("utf-8")
        assert record in text and not re.search(rf"{record}\n(?:  .*\n)*  as_of:", text)
        path.write_text(text.replace(record, f"{record}\n  as_of: {month}", 1), "utf-8")

    data = project / "data"
    add_as_of(data / "entities.yml", "- id: kiev", "2026-03")
    add_as_of(data / "glossary.yml", "- id: swift", "2025-10")
    add_as_of(data / "sources.yml", "- id: reseau-international", "2026-01")
    add_as_of(data / "notes" / "003_e3939c65c73ab86d.yml", "- id: nvidia-27-janvier", "2025-01")
    edition = build_edition(Paths.at(project))
    assert "*État en mars 2026.*" in edition.files["entites/kiev.md"].split("## Mentions")[0]
    assert re.search(r"### SWIFT .*\n\n.+ \*État en octobre 2025\.\*\n", edition.files["glossaire.md"])
    assert re.search(r"## Réseau International .*\n\n.+ \*État en janvier 2026\.\*\n", edition.files["sources.md"])
    footnote = next(line for line in edition.files["articles/ia-chine-occident.md"].splitlines()
                    if line.startswith("[^nvidia-27-janvier]:"))
    assert footnote.endswith("*État en janvier 2025.*")
    assert "État en" not in edition.files["entites/al-capone.md"]  # nothing dated, nothing said
    record = json.loads(edition.files["edition.json"])
    assert next(e for e in record["entities"] if e["id"] == "kiev")["as_of"] == "2026-03"
    assert next(e for e in record["entities"] if e["id"] == "al-capone")["as_of"] is None
