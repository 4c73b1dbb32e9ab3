"""What the public reads, as served, is Norwegian and carries no transcription notes or
codes (issue 17): every page's document (nb) for Bærum, Asker and Oslo, the text of
every chart image (the print figure; its drawn SVG under the `render` marker) and every
Excel download. `tests/data/test_public_words.py` checks the data files' words; this
checks what reaches a reader after the pages, images and downloads have put them
together (a source line joins publication and section, a chart adds its notes, Excel
names the codes).

The English words are chosen so the test can fail and does not flag Norwegian: none of
them is a Norwegian word (not "from", which is; not "on", "i", "a"). Text quoted as
printed («…») and addresses are left out, as in the data test.
"""

from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import openpyxl
import pytest

from dashboard import dimensions as dims
from dashboard import printing
from dashboard.charts.listing import REGISTRY
from dashboard.dataformat import ALLOWED_COLUMNS, SIDECAR_OPTIONAL, SIDECAR_REQUIRED
from dashboard.web.factory import EXTRA_PAGES, PAGES
from dashboard.web.outputs import images as web_images
from dashboard.web.serving.context import cursor

KOMMUNER = ("baerum", "asker", "oslo")
#: Fragments the public once read (issue 17).
FRAGMENTS = (
    "SaLTo report on",
    "reporting the",
    "copy on dokumen.tips",
    "via the secondary copy",
    "secondary copy",
    "age_group",
    "Skrevet med bokstaver",
    "(niphr/csdata)",
    " CC BY 4.0 (via",
)
#: English words that are not Norwegian words (a bokmål text has none of them).
ENGLISH = re.compile(
    r"\b(the|and|of|with|which|reporting|report|copy|secondary|figures|published|persons|"
    r"offences|municipality|residence|charged|victims|suspects|young)\b",
    re.IGNORECASE,
)
#: Where a text explains "VX" (the report's abbreviation for left-wing extremism).
VX = re.compile(r"\bVX\b")
VX_EXPLAINED = re.compile(r"venstreekstrem", re.IGNORECASE)
#: Cells that are a code, never a label (issue 17's examples), whatever the vocabulary.
CODE_CELLS = {"baerum", "asker", "oslo", "jenter", "gutter", "alle", "False", "True"}


def _plain(text: str) -> str:
    """The words a reader reads as ours: without quoted titles and text and addresses."""
    text = re.sub(r"«[^»]*»", "", text)
    text = re.sub(r"“[^”]*”|\"[^\"]*\"", "", text)
    text = re.sub(r"\S+\.(csv|yml|html|json|md|xlsx)\b", "", text)  # file names
    return re.sub(r"\S+://\S+|\S+@\S+|/\S+", "", text)


def problems(text: str) -> list[str]:
    """What is wrong with one public text in bokmål (empty: nothing)."""
    found = [f"fragment {f!r}" for f in FRAGMENTS if f in text]
    plain = _plain(text)
    found += [f"English {m.group(0)!r}" for m in ENGLISH.finditer(plain)]
    if VX.search(plain) and not VX_EXPLAINED.search(text):
        found.append("VX not spelled out")
    return [f"{p}: {text[:160]!r}" for p in found]


def test_the_checker_finds_what_it_looks_for():
    """The checker flags each kind of leftover and passes plain bokmål."""
    assert problems("(SaLTo report on 2014)")
    assert problems("Statistisk sentralbyrå, CC BY 4.0 (via the secondary copy github.com/x)")
    assert problems("derfor age_group = alle")
    assert problems("Tall fra rapporten, copy on dokumen.tips")
    assert problems("Bekymringer: HX 60, IX 33, VX 0")
    assert problems("Number of persons charged")
    assert not problems("Venstreekstremisme (VX): ingen bekymringer i 2019.")
    assert not problems("Anmeldelser og mistenkte personer fra Bærum, Asker og Oslo i 2020.")
    assert not problems("Tittel som trykt: «Young people and the police».")


# ------------------------------------------------------------------------------ pages


class _Visible(HTMLParser):
    """The prose of a document a reader or screen reader gets: text outside script,
    style and code (`<code>`, `<pre>`: the data format's column names on Om dataene are
    code on purpose), and the alt, title, aria-label, placeholder and meta texts."""

    SKIP = frozenset({"script", "style", "template", "noscript", "code", "pre", "kbd", "samp"})
    ATTRS = ("alt", "title", "aria-label", "placeholder")
    META = frozenset(
        {"description", "og:description", "og:title", "og:image:alt", "twitter:description"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skipping += 1
        found = dict(attrs)
        self.texts += [str(found[a]) for a in self.ATTRS if found.get(a)]
        if tag == "meta" and (found.get("name") or found.get("property")) in self.META:
            self.texts.append(str(found.get("content") or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping and data.strip():
            self.texts.append(data.strip())


def page_texts(body: str) -> list[str]:
    parser = _Visible()
    parser.feed(body)
    return parser.texts


#: The language switch is English on purpose (and its label says so in English); the
#: data format's column and sidecar key names are named where Om dataene documents them.
NAMES = {"English", "Switch to English", *ALLOWED_COLUMNS, *SIDECAR_REQUIRED, *SIDECAR_OPTIONAL}


def test_every_page_reads_as_bokmal_for_the_three_kommuner(client):
    paths = [spec.path for spec in (*PAGES, *EXTRA_PAGES)] + ["/mote"]
    found, read = [], 0
    for path in paths:
        for kommune in KOMMUNER:
            response = client.get(f"{path}?kommune={kommune}")
            assert response.status_code == 200, (path, kommune)
            texts = page_texts(response.get_data(as_text=True))
            read += len(texts)
            for text in texts:
                if text not in NAMES:
                    found += [f"{path}?kommune={kommune}: {p}" for p in problems(text)]
    assert read > 1000  # the documents carry their view as text (first paint)
    assert not found, "\n".join(dict.fromkeys(found))


# ----------------------------------------------------------------------------- images


def _figure_texts(figure: dict) -> list[str]:
    """Every text a print figure draws: title, placed notes, axis titles and ticks,
    legend names, bar and point labels."""
    layout = figure.get("layout") or {}
    out: list[str] = []
    for annotation in layout.get("annotations") or []:
        out += printing.plain_lines(str(annotation.get("text") or ""))
    for key, axis in layout.items():
        if key.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
            title = axis.get("title")
            out.append(str(title.get("text") or "") if isinstance(title, dict) else "")
            out += [str(t) for t in axis.get("ticktext") or ()]
    title = layout.get("title")
    if isinstance(title, dict):
        out.append(str(title.get("text") or ""))
    for trace in figure.get("data") or []:
        out.append(str(trace.get("name") or ""))
        for key in ("text", "x", "y"):
            values = trace.get(key)
            if isinstance(values, (list, tuple)):
                out += [v for v in values if isinstance(v, str)]
            elif isinstance(values, str):
                out.append(values)
    return [html.unescape(re.sub(r"<[^>]+>", " ", t)).strip() for t in out if t]


def test_every_chart_image_reads_as_bokmal_for_the_three_kommuner(app):
    found, drawn = [], 0
    with app.server.test_request_context("/"):
        cur = cursor()
        for chart_id in REGISTRY:
            for kommune in KOMMUNER:
                request = web_images.ImageRequest.make(chart_id, {"kommune": kommune}, "svg")
                _result, figure = web_images.image_figure(cur, request)
                if figure is None:
                    continue
                drawn += 1
                for text in _figure_texts(figure):
                    found += [f"{chart_id} {kommune}: {p}" for p in problems(text)]
    assert drawn > 20
    assert not found, "\n".join(dict.fromkeys(found))


SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.render
def test_every_drawn_svg_reads_as_bokmal_for_the_three_kommuner(client):
    """The SVG as served (/bilde/<chart>.svg): what the exporter actually drew."""
    found, drawn = [], 0
    for chart_id in REGISTRY:
        for kommune in KOMMUNER:
            response = client.get(f"/bilde/{chart_id}.svg?kommune={kommune}")
            if response.status_code != 200 or response.mimetype != "image/svg+xml":
                continue
            drawn += 1
            root = ET.fromstring(response.data)
            for node in root.iter(f"{SVG}text"):
                text = "".join(node.itertext()).strip()
                found += [f"{chart_id} {kommune}: {p}" for p in problems(text)]
    assert drawn > 20
    assert not found, "\n".join(dict.fromkeys(found))


# ------------------------------------------------------------------------------ Excel


def _code_cells() -> set[str]:
    """Cells that are a code of the warehouse's vocabulary and not also its label
    (`ssb_vold`, `gjerningssted`, `anmeldte_lovbrudd_snitt`), and the issue's examples."""
    vocabulary = dims.active()
    codes = {
        code
        for listing in vocabulary.dimensions.values()
        for code, entry in listing.items()
        if code not in (entry.nb, entry.en)
    }
    codes |= {code for code, m in vocabulary.measures.items() if code not in (m.nb, m.en)}
    return codes | CODE_CELLS


def _views(chart_id: str) -> list[str]:
    """The default view, and the share view where the chart has one."""
    names = {p.name for p in REGISTRY[chart_id].params}
    return ["", "&visning=andel"] if "visning" in names else [""]


def test_every_excel_download_names_its_codes_in_bokmal(client):
    codes = _code_cells()
    found, cells = [], 0
    for chart_id in REGISTRY:
        for kommune in KOMMUNER:
            for extra in _views(chart_id):
                url = f"/last-ned/{chart_id}.xlsx?kommune={kommune}{extra}"
                response = client.get(url)
                assert response.status_code == 200, url
                book = openpyxl.load_workbook(io.BytesIO(response.data))
                for sheet in book.worksheets:
                    for row in sheet.iter_rows(values_only=True):
                        for value in row:
                            if value is None:
                                continue
                            cells += 1
                            if isinstance(value, bool) or str(value) in codes:
                                found.append(f"{url} {sheet.title}: code cell {value!r}")
                            elif isinstance(value, str):
                                found += [f"{url} {sheet.title}: {p}" for p in problems(value)]
    assert cells > 5000
    assert not found, "\n".join(dict.fromkeys(found))


# --------------------------------------------------------------- one rounding, everywhere

NUMBER = re.compile(r"−?\d{1,3}(?:\u00a0\d{3})*(?:,\d+)?")


def _numbers(texts) -> set[float]:
    """Every number written in bokmål style (`1 234,5`, `−3`) in the texts, as floats."""
    out = set()
    for text in texts:
        for m in NUMBER.finditer(str(text)):
            out.add(float(m.group(0).replace("\u00a0", "").replace(",", ".").replace("−", "-")))
    return out


def _percent_columns(rows: list[dict], con) -> list[str]:
    """The CSV's percentage columns: the computed share, and measures in percent."""
    units = dict(con.execute("SELECT code, unit FROM dim_measure").fetchall())
    found = ["share_computed_percent"] if rows and "share_computed_percent" in rows[0] else []
    return found + [c for c in (rows[0] if rows else {}) if units.get(c) == "percent"]


def test_every_percentage_in_a_download_is_the_one_the_page_and_figure_show(app, client, con):
    """For every chart with a share view or a percent measure, for Bærum, Asker and Oslo:
    each percentage of the CSV, formatted as the page formats it, is a number of the
    page's table and of the figure's text (hover and labels). The CSV once had 9.1 where
    the page showed 9,0 (a share rounded to 2 decimals, then to 1)."""
    import csv

    from dashboard.charts.listing import render
    from dashboard.state import parse

    checked, wrong = 0, []
    with app.server.test_request_context("/"):
        for chart_id, chart in REGISTRY.items():
            for kommune in KOMMUNER:
                for extra in _views(chart_id):
                    url = f"/last-ned/{chart_id}.csv?kommune={kommune}{extra}"
                    body = client.get(url).get_data(as_text=True).lstrip("\ufeff")
                    rows = list(csv.DictReader(io.StringIO(body)))
                    columns = _percent_columns(rows, con)
                    if not columns:
                        continue
                    query = {"kommune": kommune, **({"visning": "andel"} if extra else {})}
                    result = render(chart_id, cursor(), parse(chart.params, query))
                    table = _numbers(str(v) for v in result.table.to_numpy().ravel())
                    figure = _numbers(
                        v
                        for trace in result.figure["data"]
                        for key in ("text", "hovertext")
                        for v in (trace.get(key) or [])
                    )
                    drawn = {
                        float(v)
                        for trace in result.figure["data"]
                        for key in ("x", "y")
                        for v in (trace.get(key) or [])
                        if isinstance(v, (int, float)) and v == v
                    }
                    for row in rows:
                        for column in columns:
                            if not row[column]:
                                continue
                            value = float(row[column])
                            checked += 1
                            # A computed share is always drawn; a published percentage
                            # only where the figure plots it (not a context row of the
                            # table, such as Bærum's 14 % of the district's concerns).
                            in_figure = column == "share_computed_percent" or value in drawn
                            if value not in table or (in_figure and value not in figure):
                                wrong.append(f"{url} {column}={row[column]}")
    assert checked > 100
    assert not wrong, wrong[:20]
