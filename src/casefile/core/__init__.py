"""Knowledge every stage shares, below them all: the date model (`core.dates`) and name
forms, transliteration skeletons and place knowledge (`core.names`).

`read` and `consolidate` both depend on this package and never on each other.
"""
