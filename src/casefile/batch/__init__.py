"""Batch mode: find the cases in a stream of news and build their case files.

The stages are plain functions: records.py (folders, JSONL, WARC, feeds to records),
stages.py (pre-filter, ingest and read a batch, whose case each report is), grouping.py
(reports to cases across spellings and scripts); run.py runs them in this process or on a
pool of Ray actors.
"""
