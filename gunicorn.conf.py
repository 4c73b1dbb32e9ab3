"""gunicorn settings for production: `gunicorn app:server` reads this file by itself.

- One worker process per core (the work is CPU-bound: DuckDB, pandas, JSON), each with a
  few threads so slow clients and keep-alive connections do not hold a whole process.
- `preload_app`: the app (settings, compressed static files) is built once in the master
  and shared by the workers copy-on-write; each worker opens its own warehouse connection.
- Each worker warms up (serves every page once in-process) before it takes traffic, then
  freezes the objects created so far out of the garbage collector's work (`gc.freeze()`),
  which halves tail latency of allocation-heavy callbacks. A stopping worker ends its
  warm-up after the page it is on.
- No control socket (gunicorn 27 creates one in ~/.gunicorn by default).
- No `Server` header (gunicorn always sends `Server: gunicorn`; software names help
  nobody but a scanner).
- The folder the workers share for callback answers is only named here; the app creates
  it on its first answer (a server that fails to start leaves nothing in /dev/shm), and
  it is removed when the server stops.
Override with WEB_CONCURRENCY / GUNICORN_THREADS / PORT, as platforms set them. Set
SLT_PUBLIC_URL to the site's address (a warning is logged at start when it is not).
"""

import gc
import logging
import os
import secrets
import shutil
import tempfile
import threading
import time

from gunicorn.http import wsgi as _gunicorn_wsgi

# Callback answers shared by this server's workers: a fresh folder per start (a new
# deploy never reads answers an older version of the code wrote), removed on exit. Only
# its name is chosen here (random: nobody can plant it); the app creates it, private.
_OWN_CALLBACK_DIR = None
if not os.environ.get("SLT_CALLBACK_CACHE_DIR"):
    _base = "/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir()
    _OWN_CALLBACK_DIR = os.path.join(_base, f"slt-callbacks-{os.getpid()}-{secrets.token_hex(8)}")
    os.environ["SLT_CALLBACK_CACHE_DIR"] = _OWN_CALLBACK_DIR

_default_headers = _gunicorn_wsgi.Response.default_headers


def _without_server(self):
    """gunicorn's status line and headers, without `Server: gunicorn`."""
    return [h for h in _default_headers(self) if not h.lower().startswith("server:")]


_gunicorn_wsgi.Response.default_headers = _without_server

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", os.cpu_count() or 2))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
preload_app = True
control_socket_disable = True
keepalive = 5
timeout = 30
graceful_timeout = 20
max_requests = 0  # the warehouse and caches are reused; no need to recycle workers
errorlog = "-"
loglevel = "info"
# The app's own loggers (dashboard.*) go to the same stream as gunicorn's, one line each.
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"err": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"level": "INFO", "handlers": ["err"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["err"], "propagate": False},
        # No access log: it would hold client addresses (personal data) and cost CPU.
        "gunicorn.access": {"level": "WARNING", "handlers": [], "propagate": False},
    },
}


# The background warm-up of this worker process, stopped when the worker stops (see
# worker_exit): a query still running when the interpreter exits is cut off by DuckDB.
_STOP_WARMING = threading.Event()
_WARMING: list[threading.Thread] = []


def post_worker_init(worker):
    """Warm the worker on the front page before it accepts connections, freeze what that
    created, then warm the other pages in the background (a start stays fast)."""
    from dashboard.web.serving.cache import warm_up  # the app is loaded (preload) by now

    started = time.perf_counter()
    statuses = warm_up(worker.wsgi, ["/"])
    gc.collect()
    gc.freeze()
    warming = threading.Thread(target=warm_up, args=(worker.wsgi, None, _STOP_WARMING), daemon=True)
    warming.start()
    _WARMING.append(warming)
    bad = sorted(name for name, status in statuses.items() if status >= 500)
    logging.getLogger("dashboard.serving").info(
        "worker_warm pid=%s requests=%s failed=%s ms=%.0f",
        worker.pid,
        len(statuses),
        len(bad),
        (time.perf_counter() - started) * 1000,
    )


def worker_exit(server, worker):
    """A stopping worker lets its warm-up finish the page it is on, then exits: no query is
    cut off mid-way (and logged as an error) by the interpreter's exit."""
    _STOP_WARMING.set()
    for warming in _WARMING:
        warming.join(timeout=graceful_timeout / 2)


def when_ready(server):
    if not os.environ.get("SLT_PUBLIC_URL"):
        logging.getLogger("dashboard.serving").warning(
            "public_url_unset action=using_default hint=set_SLT_PUBLIC_URL_to_the_sites_address"
        )


def on_exit(server):
    if _OWN_CALLBACK_DIR:  # never a folder the operator named
        shutil.rmtree(_OWN_CALLBACK_DIR, ignore_errors=True)
