"""Expensive work waits in a bounded queue, and a full one answers at once: 503 with
Retry-After, never a minute-long wait that starves the pages. The disk cache of images
and ZIPs is bounded in bytes.

No image is drawn here: the slots are taken by the test itself.
"""

from __future__ import annotations

import threading
import time

import pytest

from dashboard.settings import Settings
from dashboard.startup import create_app
from dashboard.web.outputs import images
from dashboard.web.serving import work


@pytest.fixture
def busy_app(warehouse_path, tmp_path):
    app = create_app(
        Settings(
            warehouse=warehouse_path,
            auto_build=False,
            image_cache=tmp_path / "images",
            work_slots=1,
            work_queue=0,
            image_timeout=2,
        )
    )
    return app


@pytest.fixture
def held(busy_app):
    """The one slot, held by another job until the test ends."""
    gate = busy_app.server.extensions[work.EXTENSION]
    taken, release = threading.Event(), threading.Event()

    def job() -> None:
        with gate.slot():
            taken.set()
            release.wait(30)

    thread = threading.Thread(target=job, daemon=True)
    thread.start()
    assert taken.wait(10)
    yield gate
    release.set()
    thread.join(10)


@pytest.mark.parametrize(
    "url",
    [
        "/bilde/utvikling.png?kommune=baerum&fra=2015",
        "/bilde/geografi-personer.og.png",
        "/last-ned/rapportfigurer.zip?kommune=asker",
        "/last-ned/alle-data.zip?lang=en",
        "/last-ned/utvikling.xlsx?fra=2016",
    ],
)
def test_a_full_queue_answers_503_with_retry_after_at_once(busy_app, held, url):
    client = busy_app.server.test_client()
    response = client.get(url)
    assert response.status_code == 503, response.data[:200]
    assert int(response.headers["Retry-After"]) >= 2
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert held.rejected_at_once == 1  # refused without waiting: the queue (0 places) is full


def test_ordinary_pages_and_csv_do_not_wait_for_slots(busy_app, held):
    client = busy_app.server.test_client()
    for url in ("/trend", "/last-ned/utvikling.csv?fra=2013", "/healthz"):
        assert client.get(url).status_code == 200, url


def test_the_image_answer_says_why_in_words(busy_app, held):
    response = busy_app.server.test_client().get("/bilde/alder-kjonn.svg?kommune=baerum")
    text = response.get_data(as_text=True)
    assert "(opptatt / busy)" in text
    assert "/last-ned/alder-kjonn.csv?" in text  # where the numbers are instead


def test_slots_are_shared_by_processes_through_the_folder(tmp_path):
    """Two gates on one folder are two workers: one slot between them."""
    first = work.Gate(tmp_path / "slots", slots=1, queue=2, wait=0.3)
    second = work.Gate(tmp_path / "slots", slots=1, queue=2, wait=0.3)
    with first.slot(), pytest.raises(work.Busy), second.slot():
        pass  # pragma: no cover - never reached
    with second.slot():  # free again
        pass
    assert second.rejected == 1


def test_a_job_holding_a_slot_may_nest(tmp_path):
    """A report ZIP holds a slot and draws its images, which take one too."""
    gate = work.Gate(tmp_path / "slots", slots=1, queue=0, wait=0.2)
    with gate.slot(), gate.slot():
        pass
    with gate.slot():
        pass


def test_the_waiting_queue_is_bounded(tmp_path):
    gate = work.Gate(tmp_path / "slots", slots=1, queue=2, wait=5)
    entered = threading.Event()
    release = threading.Event()
    results: list[str] = []

    def holder() -> None:
        with gate.slot():
            entered.set()
            release.wait(10)

    def waiter() -> None:
        try:
            with gate.slot():
                results.append("ran")
        except work.Busy:
            results.append("busy")

    threads = [threading.Thread(target=holder)]
    threads[0].start()
    assert entered.wait(5)
    waiters = [threading.Thread(target=waiter) for _ in range(5)]
    for thread in waiters:
        thread.start()
    deadline = time.monotonic() + 30  # threads start when the machine lets them
    while len(results) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert results == ["busy"] * 3  # two may wait, three are told to come back at once
    release.set()
    for thread in [*threads, *waiters]:
        thread.join(10)
    assert sorted(results) == ["busy"] * 3 + ["ran"] * 2


def test_the_disk_cache_is_bounded_in_bytes(tmp_path):
    store = images.DiskCache(tmp_path / "cache", max_bytes=100_000)
    for i in range(60):
        assert store.write(tmp_path / "cache" / "fp" / f"{i:03d}.png", bytes([i]) * 5_000)
    assert store.size() <= 100_000 + 100_000 // 8 + 5_000
    assert store.read(tmp_path / "cache" / "fp" / "059.png") == bytes([59]) * 5_000
    assert store.read(tmp_path / "cache" / "fp" / "000.png") is None  # the oldest went


def test_a_disk_that_refuses_costs_only_the_caching(tmp_path, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    store = images.DiskCache(blocker / "cache", max_bytes=10_000)
    assert store.write(blocker / "cache" / "x.png", b"png") is False
    assert store.write(blocker / "cache" / "y.png", b"png") is False
    assert caplog.text.count("image_cache_unwritable action=serving_uncached") == 1
