"""The web app: the registry and case pages in the browser (FastAPI + Jinja2)."""

from casefile.web.app import create_app

__all__ = ["create_app"]
