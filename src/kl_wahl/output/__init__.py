"""Everything that turns the model into something to read: documents and their printers, tables,
round and district views, the profile, CSV/JSON/ICS formats, the chart and shell snippets.

Imports every layer below it (`base/` … `results/`), never `cli/`.
"""
