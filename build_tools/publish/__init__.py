"""Publish: what the site engine needs besides the generated pages. The MkDocs hooks
(``mkdocs_hooks``, thin: they run the pipeline and hand over), the navigation
(``navigation``), fixes to the theme's output (``theme``), the search index Pagefind writes
from the built site (``search``), a Markdown extension that passes the pages' raw HTML through
(``rawhtml``), and the edition to take away beside the site (``books``: the EPUB, ``epub``, and the
PDF, ``pdf``)."""
