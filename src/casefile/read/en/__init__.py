"""English needs no hook: spaCy's English model parses it (resources/en/language.yaml), and
every word the readers use is in resources/en/."""
