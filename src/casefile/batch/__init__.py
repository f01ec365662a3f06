"""Batch mode: find the cases in a large news corpus and build their case files.

The stages are plain functions (records.py, stages.py, grouping.py); `local.py`
runs them in one process, `on_ray.py` runs the same functions through Ray Data.
"""
