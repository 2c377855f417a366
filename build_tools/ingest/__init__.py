"""Ingest: the seeds read (``seeds``), each line classified and the article's body kept
(``clean``, thresholds in ``options``), settled with what editors wrote about each article
(``editorial``) into articles (``articles``)."""

from .articles import load_articles

__all__ = ["load_articles"]
