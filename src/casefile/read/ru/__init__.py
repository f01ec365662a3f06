"""Russian hooks, named in resources/ru/language.yaml: natasha's parse loaded into a spaCy
Doc (`natasha.py`, over `parse.py`), and names put in the nominative and given a gender with
pymorphy2's name paradigms (`names.py`)."""
