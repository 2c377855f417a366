"""The build as a whole: export contract, idempotence, ownership of generated files."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path, PurePosixPath
from typing import Any

import jsonschema
import markdown
import pytest
from bs4 import BeautifulSoup

from build_tools import build as build_module
from build_tools.__main__ import main
from build_tools.build import build
from build_tools.editor.stats import ArticleStats
from build_tools.errors import InputError
from build_tools.project import Paths
from build_tools.registers.entities import EntityType
from build_tools.registers.validation import load_schema, schema_registry
from build_tools.site import export
from build_tools.site import pages as pages_module
from build_tools.site import write as write_module

from conftest import ROOT


def build_at(project: Path) -> tuple[object, object]:
    return build(Paths.at(project))


def test_export_matches_its_schema_and_the_seeds(project: Path) -> None:
    build_at(project)
    record = json.loads((project / "docs" / "edition.json").read_text("utf-8"))
    jsonschema.validate(record, load_schema("edition"))
    for article in record["articles"]:
        seed_lines = (project / article["seed"]).read_text("utf-8").splitlines()
        for block in article["blocks"]:
            assert block["text"] in (line.strip() for line in seed_lines)
        for removed in article["removed"]:
            assert seed_lines[removed["line"] - 1].strip() == removed["text"]


def test_the_export_in_parts_holds_the_same_records_as_the_whole(project: Path) -> None:
    """donnees/: an index, a file per article and per entity, the timeline and the network's
    entities, each valid against its schema and equal to what edition.json says of it; the
    network's links are in the parts of the entities they start from, each once."""
    build_at(project)
    whole = json.loads((project / "docs" / "edition.json").read_text("utf-8"))
    folder = project / "docs" / "donnees"

    def part(name: str, definition: str) -> Any:
        record = json.loads((folder / name).read_text("utf-8"))
        schema = {"$ref": f"export-parts.schema.json#/$defs/{definition}"}
        jsonschema.Draft202012Validator(schema, registry=schema_registry()).validate(record)
        return record

    index = part("index.json", "index")
    assert [a["slug"] for a in index["articles"]] == [a["slug"] for a in whole["articles"]]
    for summary, article in zip(index["articles"], whole["articles"], strict=True):
        assert part(summary["file"], "article")["article"] == article
    assert [e["id"] for e in index["entities"]] == [e["id"] for e in whole["entities"]]
    mentions = [dict(m, article=a["slug"]) for a in whole["articles"] for m in a["mentions"]]
    for summary, entity in zip(index["entities"], whole["entities"], strict=True):
        record = part(summary["file"], "entity")
        assert record["entity"] == entity
        key = ("article", "block", "start", "end", "text")
        assert sorted(tuple(m[k] for k in key) for m in record["mentions"]) == sorted(
            tuple(m[k] for k in key) for m in mentions if m["entity"] == entity["id"])
        assert summary["mentions"] == len(record["mentions"])
    assert index["glossary"] == whole["glossary"] and index["sources"] == whole["sources"]
    assert part(index["timeline"], "timeline")["timeline"] == whole["timeline"]
    network = part(index["network"], "network")["network"]
    assert [{k: e[k] for k in ("entity", "mentions", "paragraphs")} for e in network["entities"]] \
        == whole["network"]["entities"]
    links = [dict(link, source=summary["id"]) for summary in index["entities"]
             for link in part(summary["file"], "entity")["links"]]
    assert sorted(links, key=lambda lk: (lk["source"], lk["target"])) \
        == sorted(whole["network"]["links"], key=lambda lk: (lk["source"], lk["target"]))
    assert {e["entity"]: e["links"] for e in network["entities"]} == {
        e["entity"]: sum(lk["source"] == e["entity"] for lk in whole["network"]["links"]) for e in network["entities"]}


def test_edition_json_written_record_by_record_is_the_whole_record_encoded(project: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    edition = build_module.annotated_edition(Paths.at(project))
    at_once = export.to_json(export.edition_record(edition.articles, edition.registers, edition.references))
    assert export.whole(edition.articles, edition.registers, edition.references) == at_once
    monkeypatch.setattr(export, "EXPORT_MAX_BYTES", len(at_once.encode("utf-8")) - 1)
    assert export.whole(edition.articles, edition.registers, edition.references) is None


def test_edition_json_is_left_out_past_its_size_and_the_parts_stay(project: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    build_at(project)
    size = (project / "docs" / "edition.json").stat().st_size
    monkeypatch.setattr(export, "EXPORT_MAX_BYTES", size - 1)
    _, report = build(Paths.at(project))
    assert not (project / "docs" / "edition.json").exists()
    assert "edition.json" in report.deleted
    assert (project / "docs" / "donnees" / "index.json").is_file()


def test_every_sentence_is_kept_and_no_boilerplate(project: Path) -> None:
    """Every non-blank seed line is either a block or a recorded removed line."""
    build_at(project)
    record = json.loads((project / "docs" / "edition.json").read_text("utf-8"))
    for article in record["articles"]:
        lines = (project / article["seed"]).read_text("utf-8").splitlines()
        kept = [b["text"] for b in article["blocks"]]
        removed = {r["line"] for r in article["removed"]}
        expected = [line.strip() for n, line in enumerate(lines, 1) if line.strip() and n not in removed]
        assert kept == expected


def test_dates_bylines_and_sources_come_from_the_text(project: Path) -> None:
    build_at(project)
    articles = {a["seed"]: a for a in json.loads((project / "docs" / "edition.json").read_text("utf-8"))["articles"]}
    assert articles["seeds/002_ba99f5c80d44e674.txt"]["date"] == "2025-01-23"
    assert articles["seeds/004_3c9b544d94d8c56f.txt"]["date"] == "2025-11-26"
    assert articles["seeds/000_bd85d55a5716e44c.txt"]["author"] == "Pepe Escobar"
    assert articles["seeds/000_bd85d55a5716e44c.txt"]["source"] == "Sputnik Globe"
    assert articles["seeds/001_88c2c4614f191be0.txt"]["source"] == "Strategic Culture Foundation"
    assert articles["seeds/002_ba99f5c80d44e674.txt"]["source"] == "Tunisie Numérique"


def test_second_build_rewrites_nothing(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, first = build_at(project)
    assert first.written
    stamps = {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*") if p.is_file()}

    def no_folder(*args: Any, **kwargs: Any) -> str:
        raise AssertionError("a folder made in docs/, which mkdocs serve watches")

    monkeypatch.setattr(write_module.tempfile, "mkdtemp", no_folder)
    _, second = build_at(project)
    assert second.written == [] and second.deleted == []
    assert stamps == {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*") if p.is_file()}


def test_build_never_touches_files_it_did_not_make(project: Path) -> None:
    own = project / "docs" / "articles" / "mon-texte.md"
    own.parent.mkdir(parents=True)
    own.write_text("# Écrit à la main\n", "utf-8")
    build_at(project)
    (project / "seeds" / "003_e3939c65c73ab86d.txt").unlink()
    (project / "data" / "articles" / "003_e3939c65c73ab86d.yml").unlink()
    (project / "data" / "notes" / "003_e3939c65c73ab86d.yml").unlink()
    _, report = build_at(project)
    assert "articles/ia-chine-occident.md" in report.deleted
    assert own.read_text("utf-8") == "# Écrit à la main\n"
    assert (project / "docs" / "a-propos.md").exists()


def test_build_refuses_to_overwrite_a_hand_written_page(project: Path) -> None:
    page = project / "docs" / "index.md"
    page.write_text("# Ma page d’accueil\n", "utf-8")
    with pytest.raises(InputError, match="not made by the build"):
        build_at(project)
    assert page.read_text("utf-8") == "# Ma page d’accueil\n"


def test_failed_build_leaves_previous_output_identical(project: Path) -> None:
    build_at(project)
    before = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    (project / "data" / "articles" / "002_ba99f5c80d44e674.yml").write_text("slug: Pas Un Slug\n", "utf-8")
    (project / "seeds" / "001_88c2c4614f191be0.txt").write_text("Nouveau texte.\n", "utf-8")
    with pytest.raises(InputError):
        build_at(project)
    assert before == {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}


def test_pages_are_written_away_as_they_are_rendered(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large edition's pages are never all in memory: each is staged as soon as it comes."""
    rendered: list[str] = []
    staged_after: list[int] = []
    real_files, real_write = pages_module.page_files, write_module._Staging.write

    def counted(*args: Any, **kwargs: Any) -> Any:
        for path, text in real_files(*args, **kwargs):
            rendered.append(path)
            yield path, text

    def staging(self: Any, rel: str, data: bytes) -> None:
        staged_after.append(len(rendered))
        real_write(self, rel, data)

    monkeypatch.setattr(build_module, "page_files", counted)
    monkeypatch.setattr(write_module._Staging, "write", staging)
    build_at(project)
    assert len(rendered) > 50
    assert staged_after[:3] == [1, 2, 3]


def test_docs_change_only_once_every_page_is_rendered(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A preview's engine watching docs/ (Zensical) sees nothing of a build until its pages
    are swapped in: else it starts to build at the first page and misses the others."""
    build_at(project)
    docs = project / "docs"
    before = {p: p.stat().st_mtime_ns for p in docs.rglob("*")}
    seen: list[bool] = []
    real_write = write_module._Staging.write

    def staging(self: Any, rel: str, data: bytes) -> None:
        real_write(self, rel, data)
        seen.append(before == {p: p.stat().st_mtime_ns for p in docs.rglob("*")})

    monkeypatch.setattr(write_module._Staging, "write", staging)
    seed = project / "seeds" / "001_88c2c4614f191be0.txt"
    seed.write_text(seed.read_text("utf-8").replace("découplage contrôlé", "découplage Zorglub", 1), "utf-8")
    build_at(project)
    assert seen and all(seen)
    assert "Zorglub" in (docs / "articles" / "offensive-technologique-chine.md").read_text("utf-8")


def test_a_page_that_fails_to_render_late_leaves_docs_as_they_were(project: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    build_at(project)
    docs = project / "docs"
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    for seed in (project / "seeds").glob("00[0-2]*.txt"):  # pages that will change, staged first
        seed.write_text(seed.read_text("utf-8") + "\nUn paragraphe ajouté à la fin, pour changer sa page.\n", "utf-8")
    real_jobs = pages_module.Pages.jobs

    def jobs(self: Any) -> dict[str, Any]:
        made = real_jobs(self)
        made["zz-la-derniere.md"] = lambda: 1 / 0
        return made

    monkeypatch.setattr(pages_module.Pages, "jobs", jobs)
    with pytest.raises(ZeroDivisionError):
        build_at(project)
    assert before == {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    assert not any(p.name.startswith(".build-") for p in [*docs.iterdir(), *project.iterdir()])


def test_two_seeds_with_the_same_slug_are_named(project: Path) -> None:
    (project / "data" / "articles" / "003_e3939c65c73ab86d.yml").write_text("slug: musk-stargate-trump\n", "utf-8")
    with pytest.raises(InputError) as err:
        build_at(project)
    assert "003_e3939c65c73ab86d.txt" in str(err.value) and "002_ba99f5c80d44e674.txt" in str(err.value)


def test_a_page_name_of_the_edition_s_own_is_refused_and_never_made_from_a_title(project: Path) -> None:
    (project / "data" / "articles" / "003_e3939c65c73ab86d.yml").write_text("slug: registre\n", "utf-8")
    with pytest.raises(InputError, match=r"003_e3939c65c73ab86d.*'registre' is the edition's own"):
        build(Paths.at(project))
    (project / "data" / "articles" / "003_e3939c65c73ab86d.yml").write_text("title: Index\n", "utf-8")
    edition, _ = build(Paths.at(project))
    assert "index-article" in {a.slug for a in edition.articles}
    assert (project / "docs" / "tei" / "index-article.xml").exists()


def test_metadata_errors_name_file_line_and_key(project: Path) -> None:
    path = project / "data" / "articles" / "002_ba99f5c80d44e674.yml"
    path.write_text("slug: musk\ndate: 2025-02-30\n", "utf-8")
    with pytest.raises(InputError) as err:
        build_at(project)
    assert f"{path}:2 [date]" in str(err.value)
    path.write_text("slug: musk\nauteur: X\n", "utf-8")
    with pytest.raises(InputError) as err:
        build_at(project)
    assert "unknown key" in str(err.value) and "auteur" in str(err.value)
    path.write_text("slug: musk\ngenre: tribune\n", "utf-8")
    with pytest.raises(InputError) as err:
        build_at(project)
    assert f"{path}:2 [genre]: 'tribune' is not allowed. Expected one of: news, opinion" in str(err.value)


@pytest.mark.parametrize(("folder", "what", "text"), [
    ("articles", "metadata", "slug: x\n"),
    ("notes", "notes", "- id: n\n  kind: translation\n  quote: x\n  text: Une note.\n"),
])
def test_a_per_article_file_without_its_seed_is_an_error(project: Path, folder: str, what: str, text: str) -> None:
    """A file whose seed was renamed or removed would be silently ignored: it is named."""
    (project / "data" / folder / "999_orphelin.yml").write_text(text, "utf-8")
    with pytest.raises(InputError, match=rf"999_orphelin\.yml: no seed named 999_orphelin\.txt for this {what} file"):
        build_at(project)


def test_an_author_read_from_a_name_alone_is_to_be_confirmed_until_the_editor_gives_one(project: Path) -> None:
    (project / "seeds" / "005_nouveau.txt").write_text(
        "Un titre pour l’article ajouté\nJeanne Martin\n12 mars 2024\n" + "Premier paragraphe d’un article "
        "ajouté, assez long pour être de la prose, avec plusieurs propositions et une fin bien marquée. " * 2 + "\n",
        "utf-8")
    edition, _ = build(Paths.at(project))
    article = next(a for a in edition.articles if a.seed.stem == "005_nouveau")
    assert article.author == "Jeanne Martin"
    assert any("005_nouveau.txt:2: the author 'Jeanne Martin' was read from a name alone" in w
               and "'author:' in data/articles/005_nouveau.yml" in w for w in edition.warnings)
    assert [d["line"] for d in ArticleStats.of(article).doubts if d["doubt"].startswith("the author")] == [2]
    (project / "data" / "articles" / "005_nouveau.yml").write_text("author: Jeanne Martin\n", "utf-8")
    edition, _ = build(Paths.at(project))
    article = next(a for a in edition.articles if a.seed.stem == "005_nouveau")
    assert article.meta_doubts == () and not any("005_nouveau.txt:2" in w for w in edition.warnings)


def test_seed_without_title_gets_a_derived_title_and_a_warning(project: Path) -> None:
    (project / "seeds" / "005_nouveau.txt").write_text(
        "par Jeanne Martin\n" + "Premier paragraphe d’un article ajouté sans titre, assez long pour "
        "être de la prose, avec plusieurs propositions et une fin bien marquée. " * 2 + "\n", "utf-8")
    edition, _ = build(Paths.at(project))
    article = next(a for a in edition.articles if a.seed.stem == "005_nouveau")
    assert article.title_origin == "derived" and article.title.startswith("Premier paragraphe")
    assert any("005_nouveau.txt: no title" in w for w in edition.warnings)
    page = (project / "docs" / article.page_path).read_text("utf-8")
    assert "celui-ci est donné par l’édition" in page


def test_cli_build_with_folders(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cwd = Path.cwd()
    os.chdir(project)
    try:
        assert main(["build", "--seeds", "seeds", "--docs", "out"]) == 0
    finally:
        os.chdir(cwd)
    assert (project / "out" / "edition.json").exists()
    assert "files written" in capsys.readouterr().out


def test_cli_reports_input_errors_without_traceback(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "seeds" / "006_binaire.txt").write_bytes(b"abc\n\x00def")
    cwd = Path.cwd()
    os.chdir(project)
    try:
        assert main(["build"]) == 1
    finally:
        os.chdir(cwd)
    err = capsys.readouterr().err
    assert "006_binaire.txt:2" in err and "NUL" in err and "Traceback" not in err


def test_help_documents_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("build", "check", "suggest", "stats"):
        assert f"    {command} " in out


def test_seeds_are_the_shared_seeds_byte_for_byte() -> None:
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    names = sorted(p.name for p in shared.glob("*.txt"))
    assert names == sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    for name in names:
        assert (shared / name).read_bytes() == (ROOT / "seeds" / name).read_bytes()


def test_a_crash_while_swapping_files_in_leaves_docs_as_they_were(project: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    build_at(project)
    docs = project / "docs"
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    for seed in (project / "seeds").glob("00[0-2]*.txt"):  # three pages and the export will change
        added = "\nUn paragraphe ajouté à la fin de l’article, pour changer sa page.\n"
        seed.write_text(seed.read_text("utf-8") + added, "utf-8")
    calls = {"n": 0}
    real_replace = Path.replace

    def failing_replace(self: Path, target: Path) -> Path:
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError("disque plein")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", failing_replace)
    with pytest.raises(OSError, match="disque plein"):
        build_at(project)
    monkeypatch.setattr(Path, "replace", real_replace)
    after = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    assert after == before
    assert not any(p.name.startswith(".build-") for p in [*docs.iterdir(), *project.iterdir()])


def test_output_is_the_same_whatever_hash_seed_locale_or_directory_order(project: Path) -> None:
    def tree(docs: Path) -> dict[str, bytes]:
        return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}

    outputs = []
    for n, (seed, locale) in enumerate([("1", "C"), ("4242", "C.UTF-8")]):
        if n:  # the second build reads a seeds folder whose files were created in the reverse order
            contents = {p.name: p.read_bytes() for p in (project / "seeds").iterdir()}
            shutil.rmtree(project / "seeds")
            (project / "seeds").mkdir()
            for name in sorted(contents, reverse=True):
                (project / "seeds" / name).write_bytes(contents[name])
        env = {**os.environ, "PYTHONHASHSEED": seed, "LC_ALL": locale, "LANG": locale}
        subprocess.run([sys.executable, "-m", "build_tools", "build", "--docs", f"out{n}"],
                       cwd=project, env=env, check=True, capture_output=True)
        outputs.append(tree(project / f"out{n}"))
    assert outputs[0] == outputs[1] and len(outputs[0]) > 100


def test_a_typo_in_a_template_is_reported_with_its_file_line_and_name(
        project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    template = project / "templates" / "entity.md.j2"
    lines = template.read_text("utf-8").splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines, 1) if "{{ entity.description }}" in line)
    lines[number - 1] = lines[number - 1].replace("entity.description", "entity.descripton")
    template.write_text("".join(lines), "utf-8")
    monkeypatch.chdir(project)
    assert main(["build"]) == 1
    error = capsys.readouterr().err
    assert f"error: templates/entity.md.j2:{number}: " in error and "'descripton'" in error
    assert "Traceback" not in error


def test_a_much_named_entity_gets_a_summary_and_its_mentions_on_pages(project: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Past MENTIONS_PER_PAGE, an entity's page shows counts per article and per year and the
    first contexts; every mention is on one of its pages, in order, none over the limit."""
    from build_tools.crossref import contexts  # noqa: PLC0415

    monkeypatch.setattr(contexts, "MENTIONS_PER_PAGE", 10)
    build_at(project)
    docs = project / "docs"
    part = json.loads((docs / "donnees" / "entites" / "donald-trump.json").read_text("utf-8"))
    expected = [(m["article"], m["block"], m["text"]) for m in part["mentions"]]
    assert len(expected) > 20
    pages = -(-len(expected) // 10)
    summary = (docs / "entites" / "donald-trump.md").read_text("utf-8")
    assert 'id="par-article"' in summary and 'id="par-annee"' in summary
    assert summary.count("<mark>") == contexts.FIRST_CONTEXTS
    for number in range(1, pages + 1):
        assert f'href="../entites/donald-trump/mentions-{number}.md"' in summary
    counted = [int(n) for n in re.findall(r"</a> : (\d+) mentions?", summary.split('id="par-annee"')[0])]
    assert sum(counted) == len(expected)  # the five articles: all within TOP_ARTICLES
    assert counted == sorted(counted, reverse=True)  # those that name it most first
    found = []
    for number in range(1, pages + 1):
        text = (docs / "entites" / "donald-trump" / f"mentions-{number}.md").read_text("utf-8")
        assert text.count("<mark>") == (10 if number < pages else len(expected) - 10 * (pages - 1))
        assert "pagefind: false" in text and "(<../../entites/donald-trump.md>)" in text
        for slug, body in re.findall(r'<h2 id="article-([a-z0-9-]+)"[^>]*>.*?</h2>\n<ul[^>]*>\n(.*?)\n</ul>',
                                     text, re.DOTALL):
            found += [(slug, f"p{n}", word) for word, n in
                      re.findall(r"<mark>(.*?)</mark>.*?#p(\d+)\"", body)]
    assert found == expected
    assert not (docs / "entites" / "donald-trump" / f"mentions-{pages + 1}.md").exists()


def test_a_much_used_term_lists_its_first_articles_and_pages_of_all(project: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Past GLOSSARY_ARTICLES_SHOWN articles, the glossary lists the first ones and links to
    pages of USES_PER_PAGE articles that list them all, in order."""
    from build_tools.site import views  # noqa: PLC0415

    monkeypatch.setattr(views, "GLOSSARY_ARTICLES_SHOWN", 1)
    monkeypatch.setattr(views, "USES_PER_PAGE", 2)
    build_at(project)
    docs = project / "docs"
    record = json.loads((docs / "edition.json").read_text("utf-8"))
    using = [a["slug"] for a in record["articles"] if any(t["term"] == "llm" for t in a["terms"])]
    assert len(using) == 3
    glossary = (docs / "glossaire.md").read_text("utf-8")
    entry = glossary.split("{ #llm }")[1].split("\n### ")[0]
    assert entry.count("<li>") == 1 and "… et dans 2 autres articles." in entry
    assert 'href="glossaire/llm/occurrences-2.md">3</a>' in entry
    listed = []
    for number in (1, 2):
        text = (docs / "glossaire" / "llm" / f"occurrences-{number}.md").read_text("utf-8")
        assert "pagefind: false" in text and "(<../../glossaire.md#llm>)" in text
        listed += re.findall(r'<li><a href="../../articles/([a-z0-9-]+)\.md">', text)
    assert sorted(listed) == sorted(using) and len(listed) == len(set(listed))
    assert not (docs / "glossaire" / "llm" / "occurrences-3.md").exists()


def test_a_long_timeline_is_split_by_year_into_pages(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past TIMELINE_ONE_PAGE dates, the timeline page lists the years and their pages of
    TIMELINE_PER_PAGE dates; every date is on one of them, in order."""
    from build_tools.site import views  # noqa: PLC0415

    monkeypatch.setattr(views, "TIMELINE_ONE_PAGE", 5)
    monkeypatch.setattr(views, "TIMELINE_PER_PAGE", 3)
    build_at(project)
    docs = project / "docs"
    timeline = json.loads((docs / "edition.json").read_text("utf-8"))["timeline"]
    assert len(timeline) > 5
    main_page = (docs / "chronologie.md").read_text("utf-8")
    assert "<strong>" not in main_page  # no date listed there, only the pages
    found = []
    for year in dict.fromkeys(entry["date"][:4] for entry in timeline):
        count = sum(entry["date"][:4] == year for entry in timeline)
        for number in range(1, -(-count // 3) + 1):
            assert f'href="chronologie/{year}-{number}.md"' in main_page
            text = (docs / "chronologie" / f"{year}-{number}.md").read_text("utf-8")
            dates = re.findall(r'<li><strong>.*?</strong> — .*?<a href="../articles/([a-z0-9-]+)\.md(?:#(p\d+))?"',
                               text)
            assert 1 <= len(dates) <= 3 and "pagefind: false" in text
            found += dates
    assert found == [(entry["article"], entry["block"] or "") for entry in timeline]


def test_a_summary_names_only_the_articles_that_name_the_entity_most(project: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from build_tools.crossref import contexts  # noqa: PLC0415

    monkeypatch.setattr(contexts, "MENTIONS_PER_PAGE", 10)
    monkeypatch.setattr(contexts, "TOP_ARTICLES", 2)
    build_at(project)
    docs = project / "docs"
    part = json.loads((docs / "donnees" / "entites" / "donald-trump.json").read_text("utf-8"))
    per_article = Counter(m["article"] for m in part["mentions"])
    summary = (docs / "entites" / "donald-trump.md").read_text("utf-8").split('id="par-annee"')[0]
    assert f"Les 2 articles qui la nomment le plus, sur {len(per_article)}" in summary
    listed = re.findall(r'<li><a href="../articles/([a-z0-9-]+)\.md">.*?</a> : (\d+) mentions?', summary)
    assert [(slug, int(n)) for slug, n in listed] == per_article.most_common(2)


def test_a_large_edition_lists_its_articles_month_by_month(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past ARTICLES_ONE_PAGE articles, the index lists the months and their pages of
    ARTICLES_PER_PAGE articles; every article is on one of them, in reading order; the home
    page shows the latest; the navigation sorts the articles by year and month."""
    from build_tools.site import views  # noqa: PLC0415

    monkeypatch.setattr(views, "ARTICLES_ONE_PAGE", 2)
    monkeypatch.setattr(views, "ARTICLES_PER_PAGE", 2)
    monkeypatch.setattr(views, "LATEST_SHOWN", 1)
    build_at(project)
    docs = project / "docs"
    articles = json.loads((docs / "edition.json").read_text("utf-8"))["articles"]
    in_order = sorted(articles, key=lambda a: (a["date"] is None, a["date"] or "", a["seed"]))
    months = list(dict.fromkeys(a["date"][:7] if a["date"] else "sans-date" for a in in_order))
    assert len(months) > 1
    index = (docs / "articles" / "index.md").read_text("utf-8")
    assert "## " not in index  # no article listed there, only the months
    listed = []
    for month in months:
        count = sum((a["date"][:7] if a["date"] else "sans-date") == month for a in in_order)
        for number in range(1, -(-count // 2) + 1):
            page = "index.md" if number == 1 else f"{number}.md"
            assert f'href="../articles/mois/{month}/{page}"' in index
            text = (docs / "articles" / "mois" / month / page).read_text("utf-8")
            found = re.findall(r"^## \[.*\]\(<\.\./\.\./([a-z0-9-]+)\.md>\)$", text, re.MULTILINE)
            assert 1 <= len(found) <= 2 and "pagefind: false" in text
            listed += found
        assert not (docs / "articles" / "mois" / month / f"{-(-count // 2) + 1}.md").exists()
    assert listed == [a["slug"] for a in in_order]
    home = (docs / "index.md").read_text("utf-8")
    latest = max((a for a in articles if a["date"]), key=lambda a: a["date"])
    assert re.findall(r"^-   \*\*\[.*\]\(<articles/([a-z0-9-]+)\.md>\)\*\*$", home, re.MULTILINE) == [latest["slug"]]
    nav = (docs / "SUMMARY.md").read_text("utf-8")
    for article in in_order:
        month = article["date"][:7] if article["date"] else "sans-date"
        section = nav.split(f"(<articles/mois/{month}/index.md>)")[1].split("(<articles/mois/")[0]
        assert f"(<articles/{article['slug']}.md>)" in section
    dated_years = sorted({a["date"][:4] for a in in_order if a["date"]})
    assert [line.strip() for line in nav.splitlines() if re.fullmatch(r"\s+\* \d{4}", line)] == [
        f"* {year}" for year in dated_years]


def test_a_long_list_of_entities_is_cut_into_alphabetical_pages(project: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Past ENTITIES_PER_PAGE, the index and each type's list are cut into pages, A–Z; every
    entity is on exactly one page of each, in order, and each page links to the others."""
    from build_tools.site import views  # noqa: PLC0415

    monkeypatch.setattr(views, "ENTITIES_PER_PAGE", 7)
    build_at(project)
    docs = project / "docs"
    entities = json.loads((docs / "edition.json").read_text("utf-8"))["entities"]

    def listed(first: Path, more: Path, count: int) -> list[str]:
        found = []
        for number in range(1, -(-count // 7) + 1):
            text = (first if number == 1 else more / f"{number}.md").read_text("utf-8")
            items = BeautifulSoup(markdown.markdown(text.split("\n---\n", 1)[1]), "html.parser").select("li > a")
            on_page = [PurePosixPath(a["href"]).stem for a in items]
            assert 1 <= len(on_page) <= 7 and "pagefind: false" in text
            if count > 7:
                assert text.count('<span aria-current="page">') == 2  # the pager, above and below
            found += on_page
        assert not (more / f"{-(-count // 7) + 1}.md").exists()
        return found

    assert len(entities) > 7
    in_index = listed(docs / "entites" / "index.md", docs / "entites" / "liste", len(entities))
    assert sorted(in_index) == sorted(e["id"] for e in entities) and len(set(in_index)) == len(in_index)
    from build_tools.text.normalize import fold  # noqa: PLC0415

    names = {e["id"]: e["name"] for e in entities}
    keys = [(fold(names[i]).casefold(), i) for i in in_index]
    assert keys == sorted(keys)
    for kind in {e["type"] for e in entities}:
        slug = EntityType(kind).slug
        members = sorted(e["id"] for e in entities if e["type"] == kind)
        found = listed(docs / "entites" / "types" / f"{slug}.md", docs / "entites" / "types" / slug, len(members))
        assert sorted(found) == members


def test_the_sources_page_names_the_first_articles_of_each_list(project: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Past SOURCES_ARTICLES_SHOWN, a list of articles on the sources page gives the first ones
    and counts the others."""
    from build_tools.site import views  # noqa: PLC0415

    build_at(project)
    whole = (project / "docs" / "sources.md").read_text("utf-8")
    monkeypatch.setattr(views, "SOURCES_ARTICLES_SHOWN", 0)
    monkeypatch.setattr("build_tools.site.pages.SOURCES_ARTICLES_SHOWN", 0)
    build_at(project)
    cut = (project / "docs" / "sources.md").read_text("utf-8")
    roles = re.findall(r"^\*(?:Site d’où le texte a été repris|Crédité comme source par|Cité dans)\u00a0:\*\n(.*)$",
                       whole, re.MULTILINE)
    assert roles and all("](<articles/" in line for line in roles)
    counted = re.findall(r"^\*(?:Site d’où le texte a été repris|Crédité comme source par|Cité dans)\u00a0:\*\n(.*)$",
                         cut, re.MULTILINE)
    assert counted == [f" … et {line.count('](<articles/')} autre{'s' if line.count('](<articles/') > 1 else ''}."
                       for line in roles]


def test_a_long_pager_links_the_ends_and_the_pages_around(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past a few pages, a pager links the first and the last page and those around the page
    shown, "…" for each gap: its size does not grow with the list, and every page is still
    reached from the first by following the pagers."""
    from build_tools.crossref import contexts  # noqa: PLC0415

    monkeypatch.setattr(contexts, "MENTIONS_PER_PAGE", 2)
    build_at(project)
    folder = project / "docs" / "entites" / "donald-trump"
    pages = len(list(folder.glob("mentions-*.md")))
    assert pages > 12

    def pager_links(text: str) -> list[int]:
        pager = re.search(r'<nav class="pages-mentions".*?</nav>', text, re.DOTALL)
        assert pager is not None
        return [int(n) for n in re.findall(r"mentions-(\d+)\.md", pager.group())]

    summary = pager_links((project / "docs" / "entites" / "donald-trump.md").read_text("utf-8"))
    assert summary == [1, 2, 3, pages]
    reached, todo = {1}, [1]
    while todo:
        text = (folder / f"mentions-{todo.pop()}.md").read_text("utf-8")
        links = pager_links(text)
        assert len(links) <= 8 and "…" in text and f"en {pages} pages" in text  # at most 9 pages named
        todo += [n for n in links if n not in reached]
        reached |= set(links)
    assert reached == set(range(1, pages + 1))
