"""Settings for the whole suite.

`agreement build` and `agreement report` fill in the Word contents' page numbers from
LibreOffice's layout when LibreOffice is installed. LibreOffice belongs to the real-client
tests (`make e2e`), which ask for the page numbers themselves; the unit suite leaves them to
Word, so that it runs the same with and without LibreOffice on the machine.
"""

import os

os.environ["AGREEMENT_PAGE_NUMBERS"] = "0"
