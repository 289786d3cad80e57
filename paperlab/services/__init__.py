"""Services: what paperlab does with the layers below — resolving and fetching papers (:mod:`.resolve`).

Layer 5 of ``docs/architecture.md``: services may import the store, search, compare, sources and the
model; only the front ends (widget, magics, CLI, server) import them.
"""
