"""`agreement diff`: what changed between two versions of a document, in the document's terms.

`sources` reads and validates the two versions (files, or a file in a git revision),
`compare` walks the models and lists the changes, `formats` writes them as text,
JSON or Markdown. Nothing here needs the rendering extra.
"""

from .compare import Change, Diff, FieldName, Step, compare
from .formats import FORMATS, render
from .sources import SourceError, Version, from_file, from_git

__all__ = ["FORMATS", "Change", "Diff", "FieldName", "SourceError", "Step", "Version", "compare", "from_file",
           "from_git", "render"]
