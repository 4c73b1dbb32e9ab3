"""WSGI entry point: `gunicorn app:server` (settings from SLT_* environment variables)."""

from dashboard.app import create_app
from dashboard.settings import Settings

app = create_app(Settings.from_env())
server = app.server
