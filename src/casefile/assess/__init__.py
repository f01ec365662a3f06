"""Assess: conflicts between sources, status as of the newest source, a sourced summary."""
