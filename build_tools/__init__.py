"""Build tools for the annotated reading edition.

The pipeline reads as its stages, one module each:
ingest (seeds → lines) → clean (lines → article blocks) → annotate (entity mentions)
→ render (Jinja2 templates → Markdown pages) → write (changed files only).
``build.build_edition`` is the orchestrator; ``__main__`` is the command line.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
