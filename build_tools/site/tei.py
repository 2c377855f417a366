"""The edition in TEI P5, for scholars: a file per article, docs/tei/<slug>.xml, and the
register they point to, docs/tei/registre.xml.

An article's header says where the text comes from (its outlet, author, date, original
address, the seed file it was read from, and how it was cleaned); the text is the article's
blocks, word for word, with every mention of an entity tagged by its kind (``persName``,
``orgName``, ``placeName``, ``name``) and pointing to the entity, every glossary term
(``term``) to its definition, and each editorial note (``note``) where its call is. The lines
the cleaning left out are listed apart, at the back, except the text of reader comments, which
is only counted.

The register holds what the articles point to, once for the edition rather than once per
article, as a corpus's personography does: the glossary, and a ``standOff`` that describes
every entity with its Wikidata identifier and Wikipedia page. Written into each article, the
two were 56 % of the TEI files' bytes (12.3 of 22.0 MB for the benchmark's 600 articles).

Built with ElementTree rather than a template: the file is data, like the JSON export, and
the tree writer escapes every text and attribute, so no text of a seed or a register can
break the XML. ``TEI_SCHEMA`` (RELAX NG) is the subset of TEI P5 these files use; the tests
validate every file against it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..model import Article, Block, BlockKind, Citation, Mention, NoteKind, PlacedNote, Reason, TermUse
from ..registers import Registers
from ..registers.entities import Entity, EntityType
from ..text.dates import date_label, format_date
from .views import Span, interleaved

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TEI_SCHEMA = Path(__file__).parent / "schemas" / "tei-edition.rng"
TEI_FOLDER = "tei"
REGISTER_FILE = "registre.xml"
TEI_REGISTER = f"{TEI_FOLDER}/{REGISTER_FILE}"

# How an entity of each type is named in the text, and listed in the standOff register:
# (the name's element, its @type or None, the list, the item, the item's name element).
_PERSON = ("persName", None, "listPerson", "person", "persName")
_ORG = ("orgName", None, "listOrg", "org", "orgName")
_PLACE = ("placeName", None, "listPlace", "place", "placeName")
_EVENT = ("name", "event", "listEvent", "event", "label")
TEI_NAMES: dict[EntityType, tuple[str, str | None, str, str, str]] = {
    EntityType.PERSONNE: _PERSON,
    EntityType.ORGANISATION: _ORG,
    EntityType.ENTREPRISE: _ORG,
    EntityType.MEDIA: _ORG,
    EntityType.LIEU: _PLACE,
    EntityType.EVENEMENT: _EVENT,
    EntityType.OEUVRE: ("name", "work", "listObject", "object", "objectName"),
    EntityType.PRODUIT: ("name", "product", "listObject", "object", "objectName"),
    EntityType.PROGRAMME: ("name", "programme", "listObject", "object", "objectName"),
    EntityType.TEXTE: ("name", "text", "listObject", "object", "objectName"),
}
# The lists of the register, in TEI's order of kinds.
LIST_ORDER = ("listPerson", "listOrg", "listPlace", "listEvent", "listObject")
# The note kinds' labels, as the pages print them (templates/_labels.md.j2).
NOTE_LABELS = {NoteKind.TRANSLATION: "Traduction", NoteKind.CORRECTION: "Correction",
               NoteKind.CONTEXT: "Contexte", NoteKind.SOURCE: "Source"}
# Lines of the page that are reader comments: counted, never reproduced.
COMMENT_REASONS = frozenset({Reason.COMMENTS})
REGISTER_TITLE = "Registre des entités et glossaire de l’édition"
REGISTER_SOURCE = ("Les registres de l’édition : les entités nommées dans les articles, avec leurs "
                   "identifiants et leur description, et les termes du glossaire avec leur définition.")
EDITORIAL_DECLARATION = (
    "Le texte de l’article est reproduit tel qu’il a été reçu, sans correction : les corrections "
    "et les précisions de l’édition sont dans les notes. Les lignes de la page source qui "
    "n’étaient pas l’article (navigation, appels aux dons, invitations à partager, commentaires "
    "de lecteurs…) ont été retirées ; elles sont énumérées en fin de texte, sauf le texte des "
    "commentaires de lecteurs, seulement compté.")


# Elements whose content is text: never indented, for a space added there would be read as
# part of the text (a name and the call of its note, say).
TEXT_CONTAINERS = frozenset({"p", "head", "note", "item", "label"})


def _indent(element: ET.Element, level: int = 0) -> None:
    """One element a line, one space a level, where the content is only elements."""
    children = list(element)
    if (not children or element.tag in TEXT_CONTAINERS or (element.text or "").strip()
            or any((child.tail or "").strip() for child in children)):
        return
    inner = "\n" + " " * (level + 1)
    element.text = inner
    for child in children:
        _indent(child, level + 1)
        child.tail = inner
    children[-1].tail = "\n" + " " * level


def tei_path(article: Article) -> str:
    """The file's path under docs/."""
    return f"{TEI_FOLDER}/{article.slug}.xml"


def _el(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def _entity_id(entity_id: str) -> str:
    return f"entite-{entity_id}"


def _term_id(term_id: str) -> str:
    return f"terme-{term_id}"


def _in_register(xml_id: str) -> str:
    """An article's pointer to an entry of the register, beside it in the same folder."""
    return f"{REGISTER_FILE}#{xml_id}"


def _language(header: ET.Element) -> None:
    _el(_el(_el(header, "profileDesc"), "langUsage"), "language", "français", ident="fr")


def _written(root: ET.Element) -> str:
    _indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _spans(mentions: Iterable[Mention], terms: Iterable[TermUse]) -> list[Span[Mention | TermUse]]:
    """The tagged stretches of a block, in order, none inside another: where two would
    overlap, the one that starts first (then the longer) is kept."""
    annotations: list[Mention | TermUse] = sorted([*mentions, *terms], key=lambda a: (a.start, -a.end))
    kept: list[Span[Mention | TermUse]] = []
    for annotation in annotations:
        if not kept or annotation.start >= kept[-1].end:
            kept.append(Span(annotation.start, annotation.end, annotation))
    return kept


class TeiWriter:
    """The TEI files of one edition."""

    def __init__(self, registers: Registers, edition_title: str | None = None) -> None:
        self.registers = registers
        self.edition_title = edition_title

    def document(self, article: Article) -> str:
        root = ET.Element("TEI", {"xmlns": TEI_NS, XML_LANG: "fr"})
        numbers = {placed.note.id: n for n, placed in enumerate(article.notes, start=1)}
        self._header(_el(root, "teiHeader"), article, numbers)
        text = _el(root, "text")
        self._body(_el(text, "body"), article, numbers)
        self._back(text, article)
        return _written(root)

    def register(self) -> str:
        """The register every article points to: the glossary, then each entity."""
        root = ET.Element("TEI", {"xmlns": TEI_NS, XML_LANG: "fr"})
        header = _el(root, "teiHeader")
        file_desc = _el(header, "fileDesc")
        title_stmt = _el(file_desc, "titleStmt")
        _el(title_stmt, "title", REGISTER_TITLE, type="main")
        self._responsibility(title_stmt)
        self._publication(file_desc, TEI_REGISTER)
        _el(_el(file_desc, "sourceDesc"), "p", REGISTER_SOURCE)
        _language(header)
        glossary = _el(_el(_el(root, "text"), "body"), "div", type="glossary")
        _el(glossary, "head", "Glossaire")
        terms = sorted(self.registers.glossary, key=lambda t: t.id)
        if terms:
            listing = _el(glossary, "list", type="gloss")
            for term in terms:
                _el(listing, "label", term.term, **{XML_ID: _term_id(term.id)})
                _el(listing, "item", term.definition)
        self._stand_off(root, list(self.registers.entities))
        return _written(root)

    # --- The header: the source and its provenance ------------------------------------

    def _header(self, header: ET.Element, article: Article, numbers: dict[str, int]) -> None:
        file_desc = _el(header, "fileDesc")
        title_stmt = _el(file_desc, "titleStmt")
        _el(title_stmt, "title", article.title, type="main")
        if article.author:
            _el(title_stmt, "author", article.author)
        self._responsibility(title_stmt)
        self._publication(file_desc, article.url, "Texte de l’article reproduit à des fins d’étude ; droits "
                                                  "réservés à son auteur et à sa publication d’origine.")
        source = _el(_el(file_desc, "sourceDesc"), "bibl")
        _el(source, "title", article.title, level="a")
        if article.author:
            _el(source, "author", article.author)
        if article.source:
            _el(source, "title", article.source, level="j")
        if article.publisher and article.publisher != article.source:
            _el(source, "publisher", article.publisher)
        if article.date:
            _el(source, "date", format_date(article.date), when=article.date.isoformat())
        if article.original_url:
            _el(source, "ptr", target=article.original_url)
        _el(source, "idno", article.seed.rel_path, type="seed")
        for placed in article.notes_by_block.get(None, ()):
            self._note(source, placed, numbers)
        encoding = _el(header, "encodingDesc")
        _el(_el(encoding, "editorialDecl"), "p", EDITORIAL_DECLARATION)
        _language(header)

    def _responsibility(self, title_stmt: ET.Element) -> None:
        resp = _el(title_stmt, "respStmt", **{XML_ID: "edition"})
        _el(resp, "resp", "Nettoyage du texte, annotation des entités et des termes, notes")
        _el(resp, "name", self.edition_title or "Édition annotée")

    def _publication(self, file_desc: ET.Element, path: str,
                     rights: str = "Descriptions et définitions rédigées par l’édition.") -> None:
        publication = _el(file_desc, "publicationStmt")
        _el(publication, "publisher", self.edition_title or "Édition annotée")
        _el(publication, "idno", path, type="path")
        _el(_el(publication, "availability"), "p", rights)

    # --- The text ---------------------------------------------------------------------

    def _body(self, body: ET.Element, article: Article, numbers: dict[str, int]) -> None:
        _el(body, "head", article.title, type="main")
        division = None
        for block in article.blocks:
            if block.kind is BlockKind.HEADING or division is None:
                division = _el(body, "div")
            if block.kind is BlockKind.HEADING:
                element = _el(division, "head")
            elif block.kind is BlockKind.QUOTE:
                element = _el(_el(division, "quote"), "p")
            else:
                element = _el(division, "p")
                if block.kind is BlockKind.STANDFIRST:
                    element.set("rend", "chapo")
            element.set(XML_ID, block.id)
            self._inline(element, block, article, numbers)

    def _inline(self, element: ET.Element, block: Block, article: Article, numbers: dict[str, int]) -> None:
        """The block's text into ``element``: its mentions and terms tagged, its notes where
        their calls are (after a tagged name when the call falls inside it)."""
        spans = _spans(article.mentions_by_block.get(block.id, ()), article.terms_by_block.get(block.id, ()))
        calls = [(placed.position, placed) for placed in article.notes_by_block.get(block.id, ())]
        last: ET.Element | None = None
        for part in interleaved(block.text, spans, calls):
            if isinstance(part, str):
                if last is None:
                    element.text = (element.text or "") + part
                else:
                    last.tail = (last.tail or "") + part
            elif isinstance(part, PlacedNote):
                last = self._note(element, part, numbers)
            else:
                last = self._tag(element, part)
                last.text = part.text

    def _tag(self, parent: ET.Element, annotation: Mention | TermUse) -> ET.Element:
        if isinstance(annotation, TermUse):
            return _el(parent, "term", ref=_in_register(_term_id(annotation.term)))
        entity = self.registers.entities[annotation.entity]
        tag, kind, *_ = TEI_NAMES[entity.type]
        element = _el(parent, tag, ref=_in_register(_entity_id(entity.id)))
        if kind:
            element.set("type", kind)
        return element

    def _note(self, parent: ET.Element, placed: PlacedNote, numbers: dict[str, int]) -> ET.Element:
        note = placed.note
        element = _el(parent, "note", type=note.kind.value, n=str(numbers[note.id]), resp="#edition",
                      place="foot", **{XML_ID: f"note-{note.id}"})
        label = _el(element, "label", NOTE_LABELS[note.kind])
        label.tail = " " + note.text
        if note.sources:
            self._citations(element, note.sources)
        if note.as_of:
            _el(element, "date", f"État en {date_label(note.as_of)}.", when=note.as_of, type="as_of")
        return element

    @staticmethod
    def _citations(parent: ET.Element, sources: Sequence[Citation]) -> None:
        listing = _el(parent, "listBibl")
        for citation in sources:
            bibl = _el(listing, "bibl")
            if citation.url:
                _el(bibl, "ref", citation.title, target=citation.url)
            else:
                bibl.text = citation.title

    # --- The back: the lines left out ---------------------------------------------------

    @staticmethod
    def _back(text: ET.Element, article: Article) -> None:
        removed = _el(_el(text, "back"), "div", type="removed")
        _el(removed, "head", "Lignes de la page source laissées hors du texte")
        shown = [line for line in article.removed if line.reason not in COMMENT_REASONS]
        comments = len(article.removed) - len(shown)
        if shown:
            listing = _el(removed, "list", type="removed")
            for line in shown:  # n: its line in the seed; the label: why it was left out
                item = _el(listing, "item", n=str(line.line))
                _el(item, "label", line.reason.value).tail = " " + line.text
        if comments:
            _el(removed, "p", f"{comments} ligne{'s' if comments > 1 else ''} de commentaires de lecteurs "
                              "non reproduite" + ("s." if comments > 1 else "."))
        if not shown and not comments:
            _el(removed, "p", "Aucune : la page ne contenait que l’article.")

    # --- The register of the entities -----------------------------------------------------

    @classmethod
    def _stand_off(cls, root: ET.Element, named: list[Entity]) -> None:
        if not named:
            return
        stand_off = _el(root, "standOff")
        lists: dict[str, ET.Element] = {}
        for name in LIST_ORDER:
            members = [e for e in named if TEI_NAMES[e.type][2] == name]
            if members:
                lists[name] = _el(stand_off, name)
                for entity in sorted(members, key=lambda e: e.id):
                    cls._entry(lists[name], entity)

    @staticmethod
    def _entry(listing: ET.Element, entity: Entity) -> None:
        """A person, an organisation, a place, an event or an object: its names, its
        identifiers (Wikidata, Wikipedia), its description."""
        *_, item_tag, name_tag = TEI_NAMES[entity.type]
        item = _el(listing, item_tag, **{XML_ID: _entity_id(entity.id)})
        names = _el(item, "objectIdentifier") if item_tag == "object" else item  # an object's go there
        _el(names, name_tag, entity.name)
        for alias in entity.aliases:
            _el(names, name_tag, alias, type="alias")
        if entity.wikidata:
            _el(names, "idno", entity.wikidata, type="wikidata")
        if entity.wikipedia:
            _el(names, "idno", entity.wikipedia, type="URI", subtype="wikipedia")
        _el(item, "note", entity.description)
