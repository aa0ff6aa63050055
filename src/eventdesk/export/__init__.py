"""Exports: incident records and extracted events in the formats users' tools read.

``registry.FORMATS`` lists them (jsonl, csv, parquet, geojson, gtd, acled, ucdp, plover); one
module per format; ``rows.py`` is the flat view the tabular and coded formats share and
``crosswalks.py`` the code tables they read. ``docs/exports.md`` documents every column and
convention with the codebook section it comes from.
"""
