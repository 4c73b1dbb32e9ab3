"""gunicorn settings for production: `gunicorn app:server` reads this file by itself.

- One worker process per core (the work is CPU-bound: DuckDB, pandas, JSON), each with a
  few threads so slow clients and keep-alive connections do not hold a whole process.
- `preload_app`: the app (settings, compressed static files) is built once in the master
  and shared by the workers copy-on-write; each worker opens its own warehouse connection.
- Each worker warms up (serves every page once in-process) before it takes traffic, then
  freezes the objects created so far out of the garbage collector's work (`gc.freeze()`),
  which halves tail latency of allocation-heavy callbacks.
- No control socket (gunicorn 27 creates one in ~/.gunicorn by default).
Override with WEB_CONCURRENCY / GUNICORN_THREADS / PORT, as platforms set them.
"""

import gc
import logging
import os
import shutil
import tempfile
import threading
import time

# Callback answers shared by this server's workers: a fresh folder per start (a new
# deploy never reads answers an older version of the code wrote), removed on exit.
_shm = "/dev/shm" if os.path.isdir("/dev/shm") else None
os.environ.setdefault("SLT_CALLBACK_CACHE_DIR", tempfile.mkdtemp(prefix="slt-callbacks-", dir=_shm))

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


def post_worker_init(worker):
    """Warm the worker on the front page before it accepts connections, freeze what that
    created, then warm the other pages in the background (a start stays fast)."""
    from dashboard.web.serving.cache import warm_up  # the app is loaded (preload) by now

    started = time.perf_counter()
    statuses = warm_up(worker.wsgi, ["/"])
    gc.collect()
    gc.freeze()
    threading.Thread(target=warm_up, args=(worker.wsgi,), daemon=True).start()
    bad = sorted(name for name, status in statuses.items() if status >= 500)
    logging.getLogger("dashboard.serving").info(
        "worker_warm pid=%s requests=%s failed=%s ms=%.0f",
        worker.pid,
        len(statuses),
        len(bad),
        (time.perf_counter() - started) * 1000,
    )


def on_exit(server):
    shutil.rmtree(os.environ.get("SLT_CALLBACK_CACHE_DIR", ""), ignore_errors=True)
