"""`agreement preview`: a document's web page on 127.0.0.1, rebuilt and reloaded on every save.

`session` watches the files and builds (with the build's own pipeline, `render.single`),
`server` serves the current page and an event stream, and `page` adds the reload script
to the page it serves, or lists the problems of a save that broke the document.
"""

from .session import Preview, Rebuilt, WatchError

__all__ = ["Preview", "Rebuilt", "WatchError"]
