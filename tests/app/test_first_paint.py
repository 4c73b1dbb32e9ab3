"""Text before the JavaScript (dashboard/web/layout/first_paint.py): the served document
carries the view as HTML — title, controls, key figures, chart titles, sentences, tables,
sources — and a box where each chart is drawn."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from dash import dcc, html

from dashboard.charts.listing import on_page, render
from dashboard.web.factory import PAGES
from dashboard.web.layout import first_paint
from dashboard.web.layout.page import view_state
from dashboard.web.pages import tilgjengelighet
from dashboard.web.serving.context import cursor


class Text(HTMLParser):
    """The text inside #slt-first-paint, and the tags and ids in it."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.text: list[str] = []
        self.ids: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id") == first_paint.ELEMENT_ID:
            self.depth = 1
        elif self.depth:
            self.tags.append(tag)
            if attrs.get("id"):
                self.ids.append(attrs["id"])
            if tag not in first_paint.VOID:
                self.depth += 1

    def handle_endtag(self, tag):
        if self.depth and tag not in first_paint.VOID:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and self.lasttag != "script":
            self.text.append(data)


def painted(client, url: str) -> Text:
    parser = Text()
    parser.feed(client.get(url).get_data(as_text=True))
    return parser


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("spec", PAGES, ids=lambda s: s.name)
def test_the_document_has_the_views_words(client, app, spec):
    url = spec.path + "?kommune=baerum&lang=en"
    page = painted(client, url)
    text = words(" ".join(page.text))
    assert page.tags.count("h1") == 1 and page.tags.count("main") == 1
    h1, intro = spec.heading("en")
    assert h1 in text and words(intro) in text
    with app.server.test_request_context(url):
        state = view_state(spec, {"kommune": "baerum", "lang": "en"})
        results = [
            render(c.chart_id, cursor(), state) for c in on_page(spec.name) if c.shown(state)
        ]
    for result in results:
        assert words(result.title) in text, result.chart_id
        if result.figure is not None:
            assert words(result.summary) in text and words(result.source) in text
            assert f"graph-{result.chart_id}" in page.ids  # the box the chart is drawn in
            for cell in result.table.iloc[:, 0]:  # the table's row headers
                assert words(str(cell)) in text


def test_the_first_paint_is_the_apps_own_markup_with_the_view_set(client):
    """Controls as dcc draws them (checked where chosen), the navigation marking the page,
    and the chart's box as high as the chart will be."""
    doc = client.get("/trend?kommune=oslo&gruppe=ssb_vold").get_data(as_text=True)
    fp = doc[
        doc.index(f'<div id="{first_paint.ELEMENT_ID}">') : doc.index('id="react-entry-point"')
    ]
    assert re.search(r'<input type="radio" name="trend-kommune" [^>]*value="oslo" checked>', fp)
    assert not re.search(r'name="trend-kommune" [^>]*value="baerum" checked', fp)
    assert re.search(r'name="trend-gruppe" [^>]*value="ssb_vold" checked', fp)
    assert not re.search(r'name="trend-gruppe" [^>]*value="alle" checked', fp)
    assert re.search(
        r'<a class="nav-link active" href="/trend\?kommune=oslo" aria-current="page">', fp
    )
    assert re.search(
        r'<input id="trend-fra" class="dash-input-element" type="number"[^>]*value="\d{4}"', fp
    )
    assert re.search(
        r'id="graph-sammenligning"><div class="first-paint-chart" style="height:\d+px">', fp
    )
    # Without JavaScript the box shows the chart's image of this view (only then fetched).
    image = re.search(r'id="graph-sammenligning">.*?<noscript><img src="([^"]+)"', fp)
    assert image and image.group(1).startswith("/bilde/sammenligning.svg?")
    assert "kommune=oslo" in image.group(1) and "gruppe=ssb_vold" in image.group(1)
    # The app is hidden (and out of the flow) while the first paint is there.
    assert first_paint.STYLE in doc[: doc.index("</head>")]


def test_text_and_attributes_are_escaped_and_props_written_as_html():
    tree = html.Div(
        [
            html.P("<script>alert(1)</script> & co", title='say "hi"'),
            html.Details([html.Summary("s")], open=True, className="x"),
            html.Img(src="/a.png", alt="a"),
            html.Label("l", htmlFor="f"),
            html.Div(style={"minHeight": "2rem", "height": None}, hidden=True, tabIndex=-1),
            dcc.Store(id="s"),
        ],
        id="root",
        **{"aria-label": "r", "data-x": "1"},
    )
    out = first_paint.to_html(tree)
    root = out[: out.index(">") + 1]
    assert root.startswith("<div ") and all(
        a in root for a in ('id="root"', 'aria-label="r"', 'data-x="1"')
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in out
    assert 'title="say &quot;hi&quot;"' in out
    assert re.search(
        r'<details (open class="x"|class="x" open)><summary>s</summary></details>', out
    )
    assert re.search(r'<img (src="/a.png" alt="a"|alt="a" src="/a.png")>', out)
    assert "</img>" not in out and '<label for="f">l</label>' in out
    div = re.search(r"<div ([^>]*)></div>", out).group(1).split()
    assert sorted(div) == sorted(['style="min-height:2rem"', "hidden", 'tabindex="-1"'])
    with pytest.raises(first_paint.Unsupported):
        first_paint.to_html(html.Div(dcc.Dropdown(options=["a"])))


def test_charts_without_figures_for_the_kommune_are_the_pages_fold_in_the_first_paint(client):
    text = words(" ".join(painted(client, "/geografi?kommune=asker&lang=en").text))
    assert "Not published for Asker" in text and "Bærum 2016–2020" in text


def test_the_accessibility_statement_is_in_the_document_as_dash_draws_its_markdown(client):
    """The statement (Markdown) is written into the document: the text a reader without
    scripts gets, in the markup dcc.Markdown makes (headings, lists, the feedback link)."""
    body = client.get(tilgjengelighet.SPEC.path).get_data(as_text=True)
    assert first_paint.STYLE in body
    page = painted(client, tilgjengelighet.SPEC.path)
    text = words(" ".join(page.text))
    assert "Status" in text and "WCAG 2.1" in text and "delvis i samsvar" in text
    assert page.tags.count("h1") == 1 and "h2" in page.tags and "li" in page.tags
    prose = body[body.index('<div class="prose">') :]
    assert prose.startswith('<div class="prose"><h2>Status</h2>\n<p>SLT-statistikk skal')
    assert re.search(r'<a href="mailto:[^"]+">', prose)


def test_markdown_escapes_raw_html_unless_the_component_allows_it():
    text = "# T\n\n<b>x</b> & *y*"
    assert first_paint.to_html(dcc.Markdown(text, id="m", className="c")) == (
        '<div id="m" class="c"><h1>T</h1>\n<p>&lt;b&gt;x&lt;/b&gt; &amp; <em>y</em></p>\n</div>'
    )
    allowed = first_paint.to_html(dcc.Markdown(text, dangerously_allow_html=True))
    assert "<p><b>x</b> &amp; <em>y</em></p>" in allowed


def test_the_router_reuses_the_view_the_document_computed(client, monkeypatch):
    """A first visit computes a view once: the router's callback for the same URL gets
    the layout the document rendered."""
    import queries

    asked: list[str] = []
    original = queries.run
    monkeypatch.setattr(
        queries, "run", lambda cur, name, **p: asked.append(name) or original(cur, name, **p)
    )
    assert client.get("/geografi?kommune=oslo&fra=2017").status_code == 200
    assert asked, "the document computed the view"
    asked.clear()
    deps = client.get("/_dash-dependencies").get_json()
    router = next(d for d in deps if d["output"].startswith(".._pages_content"))
    body = {
        "output": router["output"],
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": "/geografi"},
            {"id": "_pages_location", "property": "search", "value": "?kommune=oslo&fra=2017"},
        ],
        "changedPropIds": ["_pages_location.pathname", "_pages_location.search"],
    }
    response = client.post(
        "/_dash-update-component", data=json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 200
    assert "geografi" in response.get_data(as_text=True)
    assert asked == []


def test_a_query_cut_off_by_a_stopping_worker_is_one_line_not_a_traceback(
    client, monkeypatch, caplog
):
    """A worker that stops while it renders (its warm-up, a last request) has its DuckDB
    query interrupted: the page still loads (the app draws it), and the log says so in one
    line instead of a traceback an operator would take for a fault."""
    import duckdb

    import queries

    def interrupted(*_args, **_kwargs):
        raise duckdb.InterruptException("INTERRUPT Error: Interrupted!")

    assert client.get("/healthz").status_code == 200  # the warehouse is open
    monkeypatch.setattr(queries, "run", interrupted)
    # a query of its own (the document's layouts are kept by the whole query)
    response = client.get("/om-dataene?kommune=asker&lang=nb&interrupted=1")
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert first_paint.ELEMENT_ID not in body and 'id="react-entry-point"' in body
    assert "first_paint_failed path=/om-dataene reason=interrupted" in caplog.text
    assert "Traceback" not in caplog.text
