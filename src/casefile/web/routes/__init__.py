"""The web app's routes, one `APIRouter` per concern; `casefile.web.app.create_app` includes them."""
