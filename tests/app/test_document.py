"""The document before JavaScript: per page and language head, real 404s, crawler files.

Read through Flask's test client, i.e. exactly what a crawler, a link preview or a
browser with JavaScript off receives.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from dashboard.web.factory import EXTRA_PAGES, OTHER_PAGES, PAGES
from dashboard.web.layout import prose as content

ALL = (*PAGES, *EXTRA_PAGES, *(m.SPEC for m in OTHER_PAGES))  # Møtemodus too
PATHS = [spec.path for spec in ALL]


class Head(HTMLParser):
    """Collects the tags a crawler reads: html lang, title, metas, links, landmarks."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = None
        self.title = ""
        self.metas: list[dict[str, str]] = []
        self.links: list[dict[str, str]] = []
        self.tags: list[str] = []
        self.noscript = ""
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        if tag == "html":
            self.lang = attributes.get("lang")
        elif tag == "meta":
            self.metas.append(attributes)
        elif tag == "link":
            self.links.append(attributes)
        self._in.append(tag)

    def handle_endtag(self, tag):
        while self._in and self._in.pop() != tag:
            pass

    def handle_data(self, data):
        if "title" in self._in:
            self.title += data
        if "noscript" in self._in:
            self.noscript += data

    def meta(self, key: str, value: str) -> list[str]:
        return [m.get("content", "") for m in self.metas if m.get(key) == value]


def parse(body: bytes) -> Head:
    head = Head()
    head.feed(body.decode("utf-8"))
    return head


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("path", PATHS)
def test_each_page_has_its_own_head_in_its_language(client, path, lang):
    response = client.get(path + ("?lang=en" if lang == "en" else ""))
    assert response.status_code == 200
    head = parse(response.data)
    assert head.lang == lang
    assert head.title.endswith(" – SLT statistics" if lang == "en" else " – SLT-statistikk")
    (description,) = head.meta("name", "description")
    assert len(description) > 40
    (og_title,) = head.meta("property", "og:title")
    (og_description,) = head.meta("property", "og:description")
    if head.meta("property", "og:image"):
        # A chart page's link preview is its main chart (dashboard/web/images.py replaces
        # the document's og: tags with the chart's title, summary and image).
        assert og_title and og_description
    else:
        assert (og_title, og_description) == (head.title, description)
    assert head.meta("property", "og:type") == ["website"]
    (og_url,) = head.meta("property", "og:url")
    assert og_url.startswith("http://localhost/")
    # Language alternates (the feed and oEmbed discovery links are alternates by type).
    alternates = {
        link["hreflang"]: link["href"]
        for link in head.links
        if link.get("rel") == "alternate" and "hreflang" in link
    }
    assert alternates["nb"] == "http://localhost" + path
    assert alternates["en"] == "http://localhost" + path + "?lang=en"
    assert alternates["x-default"] == alternates["nb"]
    assert og_url == alternates[lang]


def test_titles_and_descriptions_differ_between_pages_and_languages(client):
    seen_titles, seen_descriptions = set(), set()
    for path in PATHS:
        for query in ("", "?lang=en"):
            head = parse(client.get(path + query).data)
            (description,) = head.meta("name", "description")
            seen_titles.add(head.title)
            seen_descriptions.add(description)
    assert len(seen_titles) == len(seen_descriptions) == 2 * len(PATHS)


def test_english_titles_are_english(client):
    assert parse(client.get("/trend?lang=en").data).title == "Trends – SLT statistics"
    assert parse(client.get("/trend").data).title == "Utvikling – SLT-statistikk"


def test_one_footer_one_main_before_javascript_and_a_noscript_in_the_language(client):
    for query, words in (("", "laste ned"), ("?lang=en", "download")):
        body = client.get("/trend" + query).data
        head = parse(body)
        # The view's first paint (the shell as HTML) has the one <main> and <footer>; the
        # app that replaces it is hidden until then (issue 19), so one of each is exposed.
        assert head.tags.count("footer") == 1 and head.tags.count("main") == 1
        first = body.index(b'id="slt-first-paint"')
        assert first < body.index(b"<main") < body.index(b'id="react-entry-point"')
        assert words in head.noscript
        assert b'href="/last-ned/alle-data.csv' in body


def test_unknown_paths_are_404_with_the_app_page(client):
    response = client.get("/finnes-ikke")
    assert response.status_code == 404
    head = parse(response.data)
    assert b'id="react-entry-point"' in response.data  # the friendly page renders
    assert head.title == "Fant ikke siden – SLT-statistikk"
    assert head.meta("name", "robots") == ["noindex"]
    assert client.head("/nope").status_code == 404
    assert client.get("/finnes-ikke?lang=en").status_code == 404
    assert parse(client.get("/x?lang=en").data).title == "Page not found – SLT statistics"


@pytest.mark.parametrize("path", ["/", "/trend", "/trend/", "/tilgjengelighet"])
def test_pages_are_200(client, path):
    assert client.get(path).status_code == 200


def test_robots_and_sitemap(client):
    robots = client.get("/robots.txt")
    assert robots.status_code == 200 and robots.mimetype == "text/plain"
    assert "Sitemap: http://localhost/sitemap.xml" in robots.get_data(as_text=True)
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200 and sitemap.mimetype == "application/xml"
    root = ET.fromstring(sitemap.data)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    expected = [f"http://localhost{p}{q}" for p in PATHS for q in ("", "?lang=en")]
    assert sorted(locs) == sorted(expected)


def test_favicon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response.mimetype == "image/x-icon"
    assert response.data[:4] == b"\x00\x00\x01\x00"  # an ICO header
    with client.get("/assets/favicon.svg") as svg:  # a streamed file: close it
        assert svg.status_code == 200 and b"<svg" in svg.data


def test_statement_linked_in_footer_and_written_in_both_languages(client):
    layout = json.loads(client.get("/_dash-layout").data)
    links = []

    def walk(node):
        if isinstance(node, dict):
            props = node.get("props", {})
            if node.get("type") == "A":
                links.append(props.get("href"))
            for value in (*props.values(), *node.values()):
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(layout)
    assert "/tilgjengelighet" in links
    for lang, words in (
        ("nb", ("Uutilsynet", "Kjente mangler", "tilbakemelding", "Siste test")),
        ("en", ("Uutilsynet", "Known gaps", "Feedback", "Last test")),
    ):
        text = content.read("tilgjengelighet", lang)
        for word in words:
            assert word in text, (lang, word)
        assert re.search(r"\d{1,2}\.? (november|November) 2026", text)


def _statement_markdown(client, lang: str) -> str:
    """The statement's Markdown as the pages router answers the browser (Dash callback)."""
    from dashboard.web.serving import hardening

    deps = client.get("/_dash-dependencies").get_json()
    dep = next(d for d in deps if d["output"].startswith(".._pages_content"))
    search = "?lang=en" if lang == "en" else ""
    body = hardening.callback_body(dep, ["/tilgjengelighet", search], [])
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200
    found: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "Markdown":
                found.append(node["props"]["children"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(response.get_json())
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_statement_gives_the_feedback_address_as_a_mailto_link(client, lang):
    text = _statement_markdown(client, lang)
    assert "[post@baerum.kommune.no](mailto:post@baerum.kommune.no)" in text
    assert "{{" not in text  # no placeholder left
    gaps = re.search(r"## (?:Kjente mangler|Known gaps)\n(.*?)\n## ", text, re.S)
    assert gaps and "- " in gaps.group(1)
    # chart text fits at 320 px (tests/e2e/test_a11y_layout.py), so it is no known gap
    assert "320" not in gaps.group(1)
    assert re.search(r"30\.? (november|November) 2026", text)


def test_statement_feedback_address_is_a_setting(warehouse_path):
    from dashboard.settings import Settings
    from dashboard.startup import create_app

    app = create_app(
        Settings(warehouse=warehouse_path, auto_build=False, feedback_email="slt_[x]@example.no")
    )
    text = _statement_markdown(app.server.test_client(), "nb")
    assert r"[slt\_\[x\]@example.no](mailto:slt_%5Bx%5D@example.no)" in text
    assert "post@baerum.kommune.no" not in text
    assert Settings.from_env({"SLT_FEEDBACK_EMAIL": "a@b.no"}).feedback_email == "a@b.no"


def test_content_read_falls_back_to_bokmal_and_rejects_odd_names():
    assert content.read("tilgjengelighet", "xx") == content.read("tilgjengelighet", "nb")
    with pytest.raises(KeyError):
        content.read("../factory", "nb")
    with pytest.raises(KeyError):
        content.read("finnes-ikke", "nb")


def test_the_frame_is_first_drawn_in_the_language_of_the_page(client):
    """/_dash-layout has no query: the page's URL in the Referer names the language, so the
    header is not first drawn in bokmål and then re-wrapped in English (a layout shift)."""

    def layout_text(**headers) -> str:
        return client.get("/_dash-layout", headers=headers).get_data(as_text=True)

    english = layout_text(Referer="http://localhost/trend?lang=en")
    assert "Skip to main content" in english and "Hopp til hovedinnhold" not in english
    bokmal = layout_text(Referer="http://localhost/trend")
    assert "Hopp til hovedinnhold" in bokmal
    assert "Hopp til hovedinnhold" in layout_text()  # no Referer: the default language
    foreign = layout_text(Referer="http://elsewhere.example/trend?lang=en")
    assert "Hopp til hovedinnhold" in foreign
