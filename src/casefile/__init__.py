"""casefile: reads reports about a human-rights case and writes a sourced case file."""

from casefile.errors import CasefileError, IngestError
from casefile.pipeline import BuildResult, build_case

__all__ = ["BuildResult", "CasefileError", "IngestError", "build_case"]
__version__ = "0.1.0"
