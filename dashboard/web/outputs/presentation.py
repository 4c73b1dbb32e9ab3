"""A Møtemodus deck as a PowerPoint file that works without a network.

Meetings often happen where the projector PC has no network or blocks the site; then the
live deck (`/mote`) cannot be shown. `/mote/presentasjon.pptx?<the deck's parameters>`
gives the same slides as a file: one slide per agenda item, with the view's title, the
chart's print image (from the one renderer and its cache, `office.chart_png`, with alt
text), the source line, a QR code of the live view for those who want to look closer,
and the key sentence in the speaker notes. The overview's key figures are a slide of
sentences. Everything is inside the file (images embedded, no linked media), so
PowerPoint and LibreOffice Impress open it offline.

Built by python-pptx; the route is Møtemodus's (`pages/mote.py`), which resolves the
agenda exactly as the live deck does and hands the slides here.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any, Protocol, cast

import duckdb
from pptx import Presentation
from pptx.presentation import Presentation as PptxPresentation
from pptx.shapes.picture import Picture
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from dashboard.charts.listing import REGISTRY, render
from dashboard.charts.oversikt import key_figures
from dashboard.dimensions import kommune_name
from dashboard.state import ViewState, to_query
from dashboard.web.outputs.agenda import AgendaItem
from dashboard.web.outputs.office import chart_png, image_alt
from dashboard.web.outputs.share import qr_png
from dashboard.words import t

#: 16:9 at PowerPoint's default widescreen size (13.333 x 7.5 in, in EMU).
WIDTH, HEIGHT = Emu(12192000), Emu(6858000)
MARGIN = Inches(0.5)
#: The chart image keeps its 3:2 shape (1920 x 1280 px).
IMAGE_TOP, IMAGE_HEIGHT = Inches(1.5), Inches(5.5)
IMAGE_WIDTH = int(IMAGE_HEIGHT * 3 / 2)
SIDE_LEFT = MARGIN + IMAGE_WIDTH + Inches(0.3)
SIDE_WIDTH = WIDTH - SIDE_LEFT - MARGIN
QR_SIZE = Inches(2.4)
#: Layout "Title Only" of python-pptx's default template: an editable title placeholder.
TITLE_ONLY = 5


class DeckSlide(Protocol):
    """One resolved agenda item, as Møtemodus's `Slide` gives it."""

    @property
    def item(self) -> AgendaItem: ...

    @property
    def state(self) -> ViewState: ...

    @property
    def href(self) -> str: ...


def _text_box(
    slide: Slide, left: int, top: int, width: int, height: int, lines: Sequence[str], size: int
) -> None:
    box = slide.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Emu(height))
    frame = box.text_frame
    frame.word_wrap = True
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.font.size = Pt(size)
        paragraph.space_after = Pt(size // 2)


def _picture(slide: Slide, png: bytes, left: int, top: int, height: int, alt: str) -> Picture:
    """An embedded PNG (never linked: the file must work offline) with alt text."""
    picture = slide.shapes.add_picture(io.BytesIO(png), Emu(left), Emu(top), height=Emu(height))
    cast(Any, picture._element).nvPicPr.cNvPr.set("descr", alt)
    return picture


def _title(slide: Slide, text: str) -> None:
    title = slide.shapes.title
    if title is None:  # pragma: no cover - the layout has a title placeholder
        return
    title.left, title.top = MARGIN, Inches(0.3)
    title.width, title.height = Emu(WIDTH - 2 * MARGIN), Inches(1.1)
    title.text = text
    for paragraph in title.text_frame.paragraphs:
        paragraph.font.size = Pt(28)
        paragraph.font.bold = True


def _qr(slide: Slide, url: str, lang: str) -> None:
    left = WIDTH - MARGIN - QR_SIZE
    top = HEIGHT - MARGIN - QR_SIZE
    _picture(slide, qr_png(url), left, top, QR_SIZE, t("mote.qr.alt", lang, url=url))


def _notes(slide: Slide, lines: Sequence[str]) -> None:
    frame = slide.notes_slide.notes_text_frame
    if frame is not None:  # the default template's notes page has a body placeholder
        frame.text = "\n".join(line for line in lines if line)


def chart_slide(
    deck: PptxPresentation,
    cur: duckdb.DuckDBPyConnection,
    view: DeckSlide,
    url: str,
) -> bool:
    """A chart's slide; False when its image could not be drawn (no browser)."""
    lang = view.state.lang
    result = render(view.item.chart, cur, view.state)
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY])
    _title(slide, result.title)
    side: list[str] = []
    drawn = True
    if result.figure is None:
        side.append(result.message or t("nodata.title", lang))
    else:
        query = to_query(REGISTRY[result.chart_id].params, view.state.values)
        png = chart_png(cur, result.chart_id, query)
        if png is None:
            drawn = False
            side.append(t("presentation.no_image", lang))
        else:
            _picture(slide, png, MARGIN, IMAGE_TOP, IMAGE_HEIGHT, image_alt(result, lang))
    side.append(result.source)
    side_height = HEIGHT - IMAGE_TOP - MARGIN - QR_SIZE - Inches(0.2)
    _text_box(slide, SIDE_LEFT, IMAGE_TOP, SIDE_WIDTH, side_height, side, 14)
    _qr(slide, url, lang)
    _notes(slide, [t("presentation.notes", lang, sentence=result.summary), *result.notes])
    return drawn


def overview_slide(
    deck: PptxPresentation, cur: duckdb.DuckDBPyConnection, view: DeckSlide, url: str
) -> None:
    """The overview's key figures: one sentence each (with its small-number caveat)."""
    state = view.state
    lang = state.lang
    figures = key_figures(cur, state)
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY])
    _title(slide, t("mote.overview.h", lang, k=kommune_name(state["kommune"], lang)))
    sentences = [
        f.sentence + (f" ({t('oversikt.small', lang)}.)" if f.small and f.direction else "")
        for f in figures
    ]
    width = SIDE_LEFT - MARGIN - Inches(0.2)
    _text_box(slide, MARGIN, IMAGE_TOP, width, IMAGE_HEIGHT, sentences, 16)
    sources = "; ".join(dict.fromkeys(p for f in figures for p in f.publications.split("; ")))
    source = f"{t('chart.source', lang)}: {sources}" if sources else ""
    side_height = HEIGHT - IMAGE_TOP - MARGIN - QR_SIZE - Inches(0.2)
    _text_box(slide, SIDE_LEFT, IMAGE_TOP, SIDE_WIDTH, side_height, [source], 14)
    _qr(slide, url, lang)
    _notes(
        slide,
        [
            f"{s} {t('chart.source', lang)}: {f.source}."
            for s, f in zip(sentences, figures, strict=True)
        ],
    )


def build_pptx(
    cur: duckdb.DuckDBPyConnection,
    slides: Sequence[DeckSlide],
    title: str,
    lang: str,
    base_url: str,
) -> tuple[bytes, bool]:
    """The deck as .pptx bytes, and whether every chart image could be drawn."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    deck.core_properties.title = title
    deck.core_properties.author = "SLT-statistikk"
    deck.core_properties.language = "nb-NO" if lang == "nb" else "en-GB"
    complete = True
    for view in slides:
        url = base_url + view.href
        if view.item.chart:
            complete = chart_slide(deck, cur, view, url) and complete
        else:
            overview_slide(deck, cur, view, url)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue(), complete
