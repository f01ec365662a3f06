"""Consolidate: all `DocAnalysis` of a case into entities, events and quotes of one case file."""
