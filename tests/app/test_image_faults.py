"""Faults of the image renderer and its cache that heal (these draw with Chromium).

- A read-only data folder: images and the report ZIP are drawn and served, just not kept.
- A render slower than the timeout restarts the kept browser and is tried again; twice
  too slow is an honest 503; the next image is drawn again (nothing stays disabled).
- A finished report ZIP is kept and sent again without being rebuilt.
"""

from __future__ import annotations

import io
import logging
import shutil
import time
import zipfile

import pytest
from PIL import Image

from dashboard.settings import Settings
from dashboard.startup import create_app
from dashboard.web.outputs import images, report
from tests.app.test_warehouse_faults import read_only

pytestmark = pytest.mark.render


@pytest.fixture
def read_only_app(warehouse_path, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(warehouse_path, folder / "warehouse.duckdb")
    with read_only(folder):
        yield create_app(Settings(warehouse=folder / "warehouse.duckdb", auto_build=False))


def test_a_read_only_data_folder_still_serves_images(read_only_app, caplog):
    client = read_only_app.server.test_client()
    service = read_only_app.server.extensions[images.EXTENSION]
    with caplog.at_level(logging.INFO):
        for _ in range(2):  # drawn both times: nothing can be kept
            response = client.get("/bilde/utvikling.png?kommune=baerum&fra=2016")
            assert response.status_code == 200, response.data[:300]
            assert Image.open(io.BytesIO(response.data)).size == (1920, 1280)
        svg = client.get("/bilde/gjentatt.svg?kommune=baerum")
        assert svg.status_code == 200 and svg.data.lstrip().startswith(b"<svg")
    assert not service.cache_dir.exists()
    assert caplog.text.count("image_cache_unwritable action=serving_uncached") == 1
    zipped = client.get("/last-ned/rapportfigurer.zip?kommune=baerum&aar=2020")
    assert zipped.status_code == 200
    assert zipfile.ZipFile(io.BytesIO(zipped.data)).testzip() is None


@pytest.fixture
def slow_app(warehouse_path, tmp_path):
    return create_app(
        Settings(
            warehouse=warehouse_path,
            auto_build=False,
            image_cache=tmp_path / "images",
            image_timeout=4,
        )
    )


def slowed(monkeypatch, slow_calls: int):
    """The next `slow_calls` renders hang past the timeout; later ones are real."""
    real = images._to_image
    calls = {"n": 0}

    def render(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] <= slow_calls:
            time.sleep(6)
        return real(*args, **kwargs)

    monkeypatch.setattr(images, "_to_image", render)
    return calls


def test_a_slow_render_restarts_the_browser_and_is_retried(slow_app, monkeypatch, caplog):
    client = slow_app.server.test_client()
    assert client.get("/bilde/sammenligning.png").status_code == 200  # a kept browser runs
    before = images._KEPT.restarts
    calls = slowed(monkeypatch, slow_calls=1)
    with caplog.at_level(logging.INFO):
        response = client.get("/bilde/utvikling.png?kommune=baerum&fra=2017")
    assert response.status_code == 200
    assert Image.open(io.BytesIO(response.data)).size == (1920, 1280)
    assert calls["n"] == 2 and images._KEPT.restarts == before + 1
    assert "renderer_restarted reason=timeout seconds=4 attempt=1" in caplog.text


def test_twice_too_slow_is_an_honest_503_and_the_next_image_is_drawn(slow_app, monkeypatch):
    client = slow_app.server.test_client()
    slowed(monkeypatch, slow_calls=2)
    response = client.get("/bilde/utvikling.png?kommune=baerum&fra=2018")
    assert response.status_code == 503 and response.headers["Retry-After"]
    text = response.get_data(as_text=True)
    assert "tegningen tok mer enn 4 sekunder to ganger; tegneren er startet på nytt" in text
    assert "drawing took longer than 4 seconds twice; the renderer was restarted" in text
    assert "ingen nettleser" not in text  # not the wrong reason
    again = client.get("/bilde/utvikling.png?kommune=baerum&fra=2018")
    assert again.status_code == 200  # one slow render disables nothing


def test_a_finished_report_zip_is_kept_and_sent_again(slow_app, monkeypatch):
    client = slow_app.server.test_client()
    url = "/last-ned/rapportfigurer.zip?kommune=baerum&aar=2019"
    first = client.get(url)
    assert first.status_code == 200

    def no_rebuild(*_args, **_kwargs):
        raise AssertionError("the ZIP was built again")

    monkeypatch.setattr(report, "build_zip", no_rebuild)
    again = client.get(url + "&utm_source=mail&kommune=baerum")
    assert again.status_code == 200 and again.data == first.data
    kept = list((slow_app.server.extensions[images.EXTENSION].cache_dir).rglob("rapport*.zip"))
    assert len(kept) == 1
