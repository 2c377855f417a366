"""The entity register (data/entities.yml): loaded, validated, typed.

Problems are collected with file, line and key before failing once: schema errors (unknown
keys, unknown types, empty descriptions), duplicate ids, and a name or alias claimed by two
entities (two forms that the matcher would not tell apart)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from .records import Records
from .validation import load_records, unique_forms

ENTITIES_FILE = "entities.yml"


class EntityType(StrEnum):
    PERSONNE = "personne"
    ORGANISATION = "organisation"
    ENTREPRISE = "entreprise"
    MEDIA = "media"
    LIEU = "lieu"
    OEUVRE = "oeuvre"
    PRODUIT = "produit"
    PROGRAMME = "programme"
    EVENEMENT = "evenement"
    TEXTE = "texte"

    @property
    def slug(self) -> str:
        """The name of the type's page (its labels are the templates')."""
        return _SLUGS[self]


_SLUGS = {EntityType.PERSONNE: "personnes", EntityType.ORGANISATION: "organisations",
          EntityType.ENTREPRISE: "entreprises", EntityType.MEDIA: "medias", EntityType.LIEU: "lieux",
          EntityType.OEUVRE: "oeuvres", EntityType.PRODUIT: "produits", EntityType.PROGRAMME: "programmes",
          EntityType.EVENEMENT: "evenements", EntityType.TEXTE: "textes"}


@dataclass(frozen=True)
class Entity:
    id: str
    type: EntityType
    name: str
    aliases: tuple[str, ...]
    description: str
    wikipedia: str | None = None
    wikidata: str | None = None
    line: int = 0
    as_of: str | None = None  # the month the description holds for (YYYY-MM), if it can change

    @property
    def forms(self) -> tuple[str, ...]:
        """Every form the matcher looks for: the name, then the aliases."""
        return (self.name, *self.aliases)

    @property
    def wikidata_url(self) -> str | None:
        return f"https://www.wikidata.org/wiki/{self.wikidata}" if self.wikidata else None

    @property
    def authority_urls(self) -> list[str]:
        """Its Wikipedia and Wikidata pages, those it has (schema.org's sameAs)."""
        return [url for url in (self.wikipedia, self.wikidata_url) if url]

    @property
    def page_path(self) -> str:
        return f"entites/{self.id}.md"

    @property
    def url(self) -> str:
        return f"entites/{self.id}/"


class Entities(Records[Entity]):
    @property
    def types(self) -> list[EntityType]:
        """The types that have at least one entity, in the order of EntityType."""
        present = {e.type for e in self}
        return [t for t in EntityType if t in present]


def load_entities(path: Path) -> Entities:
    data = load_records(path, "entities", "entity", lambda records: unique_forms(
        records, path, "name", "aliases",
        hint="keep the form on one entity; where it means the other one, pin that occurrence "
             "under 'mentions:' in data/articles/<seed>.yml"))
    return Entities(tuple(
        Entity(id=item["id"], type=EntityType(item["type"]), name=item["name"],
               aliases=tuple(item.get("aliases") or ()), description=" ".join(item["description"].split()),
               wikipedia=item.get("wikipedia"), wikidata=item.get("wikidata"), line=data.line_of(index),
               as_of=item.get("as_of"))
        for index, item in enumerate(data)), path)
