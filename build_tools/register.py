"""The entity register (data/entities.yml): loaded, validated, typed.

Problems are collected with file, line and key before failing once: schema errors (unknown
keys, unknown types, empty descriptions), duplicate ids, and a name or alias claimed by two
entities (two forms that the matcher would not tell apart)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from .validation import load_records, unique_forms

REGISTER_FILE = "entities.yml"


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
    def label(self) -> str:
        return _LABELS[self][0]

    @property
    def plural(self) -> str:
        return _LABELS[self][1]

    @property
    def slug(self) -> str:
        return _LABELS[self][2]


_LABELS = {
    EntityType.PERSONNE: ("personne", "Personnes", "personnes"),
    EntityType.ORGANISATION: ("organisation", "Organisations", "organisations"),
    EntityType.ENTREPRISE: ("entreprise", "Entreprises", "entreprises"),
    EntityType.MEDIA: ("média", "Médias", "medias"),
    EntityType.LIEU: ("lieu", "Lieux", "lieux"),
    EntityType.OEUVRE: ("œuvre", "Œuvres", "oeuvres"),
    EntityType.PRODUIT: ("produit", "Produits", "produits"),
    EntityType.PROGRAMME: ("programme ou projet", "Programmes et projets", "programmes"),
    EntityType.EVENEMENT: ("événement", "Événements", "evenements"),
    EntityType.TEXTE: ("texte officiel", "Textes officiels", "textes"),
}


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

    @property
    def forms(self) -> tuple[str, ...]:
        """Every form the matcher looks for: the name, then the aliases."""
        return (self.name, *self.aliases)

    @property
    def page_path(self) -> str:
        return f"entites/{self.id}.md"

    @property
    def url(self) -> str:
        return f"entites/{self.id}/"


@dataclass(frozen=True)
class Register:
    entities: tuple[Entity, ...]
    path: Path | None = None

    @cached_property
    def by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}

    def get(self, entity_id: str) -> Entity | None:
        return self.by_id.get(entity_id)

    def __getitem__(self, entity_id: str) -> Entity:
        entity = self.get(entity_id)
        if entity is None:
            raise KeyError(entity_id)
        return entity

    def __len__(self) -> int:
        return len(self.entities)

    @property
    def types(self) -> list[EntityType]:
        """The types that have at least one entity, in the order of EntityType."""
        present = {e.type for e in self.entities}
        return [t for t in EntityType if t in present]


def load_register(path: Path) -> Register:
    data = load_records(path, "entities", "entity", lambda records: unique_forms(
        records, path, "name", "aliases",
        hint="keep the form on one entity; where it means the other one, pin that occurrence "
             "under 'mentions:' in data/articles/<seed>.yml"))
    return Register(tuple(
        Entity(id=item["id"], type=EntityType(item["type"]), name=item["name"],
               aliases=tuple(item.get("aliases") or ()), description=" ".join(item["description"].split()),
               wikipedia=item.get("wikipedia"), wikidata=item.get("wikidata"), line=data.line_of(index))
        for index, item in enumerate(data)), path)
