"""Build tools for the annotated reading edition.

The pipeline (``build.build_edition``), a folder per stage:
``ingest`` (seeds → cleaned articles with their editorial data) and ``registers`` (entities,
glossary, outlets) → ``annotate`` (mentions, terms, notes) → ``crossref`` (contexts, related
articles, network, timeline) → ``site`` (pages rendered, written into docs/) → ``publish``
(what the site engine needs). ``text`` holds what every stage reads French text with,
``editor`` what the commands tell an editor, ``bench`` the benchmark. ``__main__`` is the
command line.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
