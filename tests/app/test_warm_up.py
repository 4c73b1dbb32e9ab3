"""A worker's warm-up (dashboard/web/serving/cache.py `warm_up`, started by gunicorn.conf.py):
every page it is given is served once, and a stopping worker ends it between pages."""

from __future__ import annotations

import threading

from dashboard.web.serving.cache import warm_up


def test_the_warm_up_serves_each_page_and_its_first_callbacks(app):
    statuses = warm_up(app.server, ["/", "/trend"])
    assert {k: v for k, v in statuses.items() if k.startswith("GET")} == {
        "GET /": 200,
        "GET /trend": 200,
    }
    posts = [k for k in statuses if k.startswith("POST /trend")]
    assert len(posts) == 2 and all(statuses[k] == 200 for k in posts)


def test_a_stopping_worker_warms_no_further_page(app):
    stop = threading.Event()
    stop.set()
    statuses = warm_up(app.server, ["/", "/trend"], stop)
    assert not [k for k in statuses if k.startswith(("GET /", "POST /"))]
    assert statuses["/healthz"] == 200  # what it did before the first page
