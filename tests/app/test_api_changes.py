"""The change feed (Atom 1.0, read by feedparser), its JSON twin and the page "Hva er nytt"."""

from __future__ import annotations

import re

import feedparser
import pytest

import queries
from dashboard.web.layout.page import layout_for
from dashboard.web.pages import hva_er_nytt


def walk_text(component) -> str:
    """All text of a Dash component tree."""
    children = getattr(component, "children", component)
    if children is None:
        return ""
    if isinstance(children, str):
        return children
    if isinstance(children, (list, tuple)):
        return " ".join(walk_text(c) for c in children)
    return walk_text(children) if children is not component else ""


@pytest.mark.parametrize("kommune", ["baerum", "oslo", None])
def test_feedparser_reads_every_entry(client, con, kommune):
    url = "/endringer.atom" + (f"?kommune={kommune}" if kommune else "")
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.data)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    expected = queries.run(con.cursor(), "changes", kommune=[kommune] if kommune else [], lang="nb")
    assert len(feed.entries) == len(expected) > 0
    ids = [e.id for e in feed.entries]
    assert len(set(ids)) == len(ids)
    for entry in feed.entries:
        assert entry.title and entry.summary and entry.link
        assert entry.updated_parsed is not None
        assert entry.tags[0].term in {"ny_kilde", "nytt_aar", "endret"}
    assert feed.feed.title.startswith("SLT-statistikk: endringer")
    assert feed.feed.author_detail.name == "Bærum kommune"
    assert feed.feed.author_detail.email == "post@baerum.kommune.no"
    self_link = next(link.href for link in feed.feed.links if link.rel == "self")
    assert self_link == "http://localhost" + url


def test_a_changed_number_reads_old_to_new_with_both_sources(client):
    feed = feedparser.parse(client.get("/endringer.atom?kommune=baerum").data)
    changed = [e for e in feed.entries if e.tags[0].term == "endret"]
    assert changed
    summary = changed[0].summary
    assert re.search(r"\d+ → \d+", summary)
    assert "SLT årsrapport 2019" in summary and "SLT årsrapport 2020" in summary


def test_the_feed_speaks_english_when_asked(client):
    feed = feedparser.parse(client.get("/endringer.atom?kommune=baerum&lang=en").data)
    assert feed.feed.title == "SLT statistics: changes for Bærum"
    assert any(e.summary.startswith("New source:") for e in feed.entries)


def test_an_unknown_kommune_is_a_400_problem(client):
    response = client.get("/endringer.atom?kommune=gotham")
    assert response.status_code == 400
    assert response.get_json()["errors"][0]["parameter"] == "kommune"


def test_the_json_list_has_the_same_changes(client):
    feed = feedparser.parse(client.get("/endringer.atom?kommune=oslo").data)
    changes = client.get("/api/v1/endringer?kommune=oslo").get_json()["changes"]
    assert [c["text"] for c in changes] == [e.summary for e in feed.entries]
    changed = [c for c in changes if c["kind"] == "endret"]
    assert changed and all(c["old"]["source_id"] and c["new"] for c in changed)


def test_the_page_lists_the_changes_and_links_the_feed(app, con):
    expected = queries.run(con.cursor(), "changes", kommune=["baerum"], lang="nb")
    with app.server.test_request_context("/hva-er-nytt?kommune=baerum"):
        page = layout_for(hva_er_nytt.SPEC)(kommune="baerum")
        text = walk_text(page)
    assert "Hva er nytt" in text
    assert "Følg endringene for Bærum som Atom-feed" in text
    assert text.count("Endret tall:") == (expected["kind"] == "endret").sum() > 0
    assert text.count("Ny kilde:") == (expected["kind"] == "ny_kilde").sum()
    assert "/endringer.atom?kommune=baerum" in str(page)


def test_the_pages_and_the_feed_are_discoverable(client):
    head = client.get("/hva-er-nytt").get_data(as_text=True).split("</head>")[0]
    assert 'type="application/atom+xml" href="http://localhost/endringer.atom"' in head
    head = client.get("/trend?kommune=oslo").get_data(as_text=True).split("</head>")[0]
    assert 'href="http://localhost/endringer.atom?kommune=oslo"' in head
