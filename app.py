"""WSGI entry point: `gunicorn app:server` (settings from SLT_* environment variables)."""

from dashboard.settings import Settings
from dashboard.startup import create_app

app = create_app(Settings.from_env())
server = app.server
