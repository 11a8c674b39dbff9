"""Prints what odfpy (Debian's python3-odf) reads in an OpenDocument text: each heading
as "H <level> <text>" and each paragraph as "P <text>", white space as ODF means it
(text:s, text:tab, text:line-break). Used by tests/documents_libreoffice.rs as a reader
independent of the tool's writer."""

import sys

from odf import teletype, text
from odf.opendocument import load

document = load(sys.argv[1])
for heading in document.getElementsByType(text.H):
    level = heading.getAttribute("outlinelevel")
    print("H", level, teletype.extractText(heading).replace("\n", " "))
for paragraph in document.getElementsByType(text.P):
    print("P", teletype.extractText(paragraph).replace("\n", " "))
