"""Site: the generated pages. What each template is given (``views``), the list of pages
and how each is made (``pages``), the renderer (``render``, over ``markdown``, the escaping
and links of the Markdown written), the drawing of the network (``drawing``), the data
export (``export``), where pages live and link (``paths``), and the writing of the files into
docs/ (``write``)."""

from .pages import make_pages, page_files
from .render import Renderer
from .write import WriteReport, write_tree

__all__ = ["Renderer", "WriteReport", "make_pages", "page_files", "write_tree"]
