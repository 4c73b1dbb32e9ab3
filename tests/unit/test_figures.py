"""Figure dicts: structure, missing values, accessibility rules, and Plotly validity."""

from __future__ import annotations

import dataclasses
import json
import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard import figures
from dashboard.figures import (
    DASHES,
    PALETTE,
    PATTERNS,
    SYMBOLS,
    TEXT_PALETTE,
    ChartMeta,
    bar_chart,
    contrast_ratio,
    empty_figure,
    funnel_chart,
    line_chart,
    text_color_on,
)

NBSP = "\u00a0"

META = ChartMeta(
    title="Anmeldelser med gjerningssted Bærum, 10–17 år, 2014–2020",
    subtitle="Antall anmeldelser per år",
    y_title="Anmeldelser (antall)",
    source="Kilde: SLT årsrapport 2020, Bærum kommune, kap. 2.1.1",
)


def line_frame() -> pd.DataFrame:
    """Three series 2014-2020; Bærum lacks 2016 (..) and 2017 (:), Asker ends with a gap."""
    values = {
        "Bærum": [300, 350, None, None, 382, 1234.5, 288],
        "Asker": [200, 250, 260, 270, 282, 250, None],
        "Oslo": [1200, 1250, 1260, 1270, 1282, 1250, 1210],
    }
    status = {("Bærum", 2016): "..", ("Bærum", 2017): ":", ("Asker", 2020): "-"}
    rows = [
        {
            "x": year,
            "x_label": str(year),
            "series": series,
            "value": value,
            "status": status.get((series, year)),
        }
        for series, series_values in values.items()
        for year, value in zip(range(2014, 2021), series_values, strict=True)
    ]
    return pd.DataFrame(rows)


def bar_frame() -> pd.DataFrame:
    """Two years by offence group; 2020 lacks Narkotika (:), 2019 has no row for Skadeverk."""
    rows = [
        ("Vold", "2019", 120, None),
        ("Vold", "2020", 98, None),
        ("Vinning", "2019", 1234.5, None),
        ("Vinning", "2020", 1000, None),
        ("Narkotika", "2019", 17, None),
        ("Narkotika", "2020", None, ":"),
        ("Skadeverk", "2020", 40, None),
    ]
    return pd.DataFrame(rows, columns=["category", "series", "value", "status"])


def validate(fig: dict) -> go.Figure:
    """The dict is valid Plotly, strict JSON and made of plain Python types only."""
    figure = go.Figure(fig)  # raises on any invalid property
    json.dumps(fig, allow_nan=False)  # no NaN/Infinity, no numpy types

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                assert isinstance(key, str)
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        else:
            assert node is None or type(node) in (str, int, float, bool), type(node)

    walk(fig)
    return figure


def footer(fig: dict) -> str:
    return fig["layout"]["xaxis"]["title"]["text"]


def strip_tags(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", line) for line in html.split("<br>")]


# --- Palette and contrast ----------------------------------------------------------


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676") == pytest.approx(4.54, abs=0.01)  # the classic AA grey
    assert contrast_ratio("#0072B2") == pytest.approx(5.19, abs=0.01)


@pytest.mark.parametrize("color", PALETTE)
def test_every_series_colour_has_3_to_1_against_white(color):
    assert contrast_ratio(color, "#ffffff") >= 3.0


@pytest.mark.parametrize("color", TEXT_PALETTE)
def test_every_text_colour_has_4_5_to_1_against_white(color):
    assert contrast_ratio(color, "#ffffff") >= 4.5


@pytest.mark.parametrize("color", [figures.TEXT_COLOR, figures.MUTED_TEXT_COLOR])
def test_body_text_colours_have_4_5_to_1(color):
    assert contrast_ratio(color) >= 4.5


@pytest.mark.parametrize("color", PALETTE)
def test_text_inside_bars_has_4_5_to_1(color):
    assert contrast_ratio(text_color_on(color), color) >= 4.5


def test_visual_vocabularies_are_distinct():
    for values in (PALETTE, TEXT_PALETTE, DASHES, SYMBOLS, PATTERNS):
        assert len(set(values)) == len(values)
    assert len(PALETTE) == len(TEXT_PALETTE)
    assert len(DASHES) >= 6 and len(PATTERNS) >= 6


# --- Line chart --------------------------------------------------------------------


def test_line_chart_one_trace_per_series_in_order_of_appearance():
    fig = line_chart(line_frame(), META)
    validate(fig)
    assert [t["name"] for t in fig["data"]] == ["Bærum", "Asker", "Oslo"]
    assert all(t["type"] == "scatter" and t["mode"] == "lines+markers" for t in fig["data"])


def test_lines_differ_in_dash_symbol_and_colour():
    traces = line_chart(line_frame(), META)["data"]
    for key in (("line", "dash"), ("marker", "symbol"), ("line", "color")):
        styles = [t[key[0]][key[1]] for t in traces]
        assert len(set(styles)) == len(traces), key


def test_missing_value_is_a_gap_not_zero():
    fig = line_chart(line_frame(), META)
    baerum = fig["data"][0]
    assert baerum["x"] == [2014, 2015, 2016, 2017, 2018, 2019, 2020]
    assert baerum["y"][2] is None and baerum["y"][3] is None
    assert 0 not in baerum["y"] and 0.0 not in baerum["y"]
    assert all(t["connectgaps"] is False for t in fig["data"])
    # nothing is drawn at y = 0 for a missing value: no annotation sits on the baseline
    assert all(a.get("y") != 0 for a in fig["layout"]["annotations"])


def test_missing_values_are_listed_with_their_symbols():
    fig = line_chart(line_frame(), META)
    text = " ".join(strip_tags(footer(fig)))
    assert "Mangler: Bærum 2016 (..), 2017 (:); Asker 2020 (-)" in text
    assert ".. = tall mangler" in text and ": = skjult (konfidensielt)" in text
    assert fig["data"][0]["text"][2] == ".. (tall mangler)"
    assert fig["data"][0]["text"][3] == ": (skjult (konfidensielt))"


def test_single_series_missing_list_has_no_series_name():
    df = line_frame().query("series == 'Bærum'")
    text = " ".join(strip_tags(footer(line_chart(df, META))))
    assert "Mangler: 2016 (..), 2017 (:)" in text


def test_missing_without_status_is_shown_as_not_available():
    df = pd.DataFrame({"x": [2019, 2020], "series": ["A", "A"], "value": [5.0, float("nan")]})
    fig = line_chart(df, META)
    assert fig["data"][0]["y"] == [5.0, None]
    assert "Mangler: 2020 (..)" in " ".join(strip_tags(footer(fig)))


def test_hover_text_is_norwegian_formatted():
    fig = line_chart(line_frame(), dataclasses.replace(META, decimals=1))
    baerum = fig["data"][0]
    assert baerum["text"][5] == f"1{NBSP}234,5"
    assert baerum["hovertemplate"] == "%{text}"
    assert fig["layout"]["hovermode"] == "x unified"
    english = line_chart(line_frame(), dataclasses.replace(META, decimals=1, lang="en"))
    assert english["data"][0]["text"][5] == "1,234.5"
    assert english["data"][0]["text"][2] == ".. (not available)"
    assert "Missing: Bærum 2016 (..)" in " ".join(strip_tags(footer(english)))


def test_separators_follow_language():
    assert line_chart(line_frame(), META)["layout"]["separators"] == "," + NBSP
    english = line_chart(line_frame(), dataclasses.replace(META, lang="en"))
    assert english["layout"]["separators"] == ".,"
    assert validate(line_chart(line_frame(), META)).layout.separators == "," + NBSP


def test_x_ticks_use_the_period_labels():
    df = pd.DataFrame(
        {
            "x": [2019, 2021],
            "x_label": ["2018-2019", "2020-2021"],
            "series": ["Bærum", "Bærum"],
            "value": [10.5, 11.0],
            "status": [None, None],
        }
    )
    xaxis = line_chart(df, META)["layout"]["xaxis"]
    assert xaxis["tickmode"] == "array"
    assert xaxis["tickvals"] == [2019, 2021]
    assert xaxis["ticktext"] == ["2018-2019", "2020-2021"]


def test_y_axis_starts_at_zero_and_names_the_unit():
    yaxis = line_chart(line_frame(), META)["layout"]["yaxis"]
    assert yaxis["rangemode"] == "tozero"
    assert yaxis["title"]["text"] == "Anmeldelser (antall)"


def test_direct_label_at_last_non_missing_point():
    fig = line_chart(line_frame(), META)
    labels = [a for a in fig["layout"]["annotations"] if a["name"] == "series-label"]
    assert [a["text"] for a in labels] == ["Bærum", "Asker", "Oslo"]
    for label, color in zip(labels, TEXT_PALETTE, strict=False):
        assert label["font"]["color"] == color
    # Bærum and Oslo reach 2020: labelled in the right margin, kept apart
    in_margin = [a for a in labels if a["xref"] == "paper"]
    assert [a["text"] for a in in_margin] == ["Bærum", "Oslo"]
    assert fig["layout"]["margin"]["r"] > 8
    # Asker's last value is 2019 (2020 is missing): labelled next to that point
    asker = labels[1]
    assert (asker["xref"], asker["x"], asker["y"]) == ("x", 2019, 250)


def test_direct_labels_do_not_overlap_when_values_are_close():
    df = pd.DataFrame(
        {"x": [2019, 2020, 2019, 2020], "series": ["A", "A", "B", "B"], "value": [10, 100, 10, 99]}
    )
    labels = [a for a in line_chart(df, META)["layout"]["annotations"]]
    assert abs(labels[0]["y"] - labels[1]["y"]) > 1


def test_single_series_has_no_legend():
    df = line_frame().query("series == 'Oslo'")
    fig = line_chart(df, META)
    assert fig["layout"]["showlegend"] is False
    assert len(fig["data"]) == 1


def test_legend_is_horizontal_below_and_layout_is_responsive():
    layout = line_chart(line_frame(), META)["layout"]
    assert layout["showlegend"] is True
    assert layout["legend"]["orientation"] == "h"
    assert layout["legend"]["y"] == 0 and layout["legend"]["yanchor"] == "bottom"
    assert layout["autosize"] is True
    assert "width" not in layout and "height" not in layout
    assert layout["xaxis"]["automargin"] is True and layout["yaxis"]["automargin"] is True
    assert all(layout["margin"][side] <= 16 for side in "ltb")  # compact; r holds line labels


def test_events_drawn_only_inside_the_data_range():
    meta = dataclasses.replace(
        META,
        events=(
            ("2015-10-01", "Ny straffelov"),
            ("2019-08-10", "Terrorangrep"),
            ("2012-01-01", "Før dataene"),
            ("2021-03-12", "Etter dataene"),
        ),
    )
    fig = line_chart(line_frame(), meta)
    events = [s for s in fig["layout"]["shapes"] if s["name"] == "event"]
    assert len(events) == 2
    first, second = events
    assert first["x0"] == first["x1"] == pytest.approx(2015.75)
    assert second["x0"] == pytest.approx(2019 + (7 + 9 / 31) / 12)
    assert first["line"]["dash"] == "dot" and first["yref"] == "paper"
    assert (first["y0"], first["y1"]) == (0, 1)
    # Numbers follow the full, dated list of events (2012 is number 1), so every chart of
    # a page gives an event the same number, whichever years it shows.
    assert [e["label"]["text"] for e in events] == ["2", "3"]
    text = " ".join(strip_tags(footer(fig)))
    assert "2: Ny straffelov (oktober 2015)" in text
    assert "3: Terrorangrep (august 2019)" in text
    assert "Før dataene" not in text and "Etter dataene" not in text


def test_an_event_has_one_number_whatever_years_a_chart_shows():
    meta = dataclasses.replace(
        META, events=(("2015-10-01", "Ny straffelov"), ("2019-08-10", "Terrorangrep"))
    )
    short = line_frame()
    short = short[short["x"] >= 2017]
    for frame in (line_frame(), short):
        events = [s for s in line_chart(frame, meta)["layout"]["shapes"] if s["name"] == "event"]
        terror = [e for e in events if e["x0"] > 2019]
        assert [e["label"]["text"] for e in terror] == ["2"]


def test_no_events_no_shapes():
    assert line_chart(line_frame(), META)["layout"]["shapes"] == []


def test_break_in_series_drawn_only_inside_range():
    meta = dataclasses.replace(META, breaks=((2019.5, "ny kommune"), (2010.5, "utenfor")))
    fig = line_chart(line_frame(), meta)
    breaks = [s for s in fig["layout"]["shapes"] if s["name"] == "break"]
    assert len(breaks) == 1
    assert breaks[0]["x0"] == 2019.5 and breaks[0]["line"]["dash"] == "dash"
    assert breaks[0]["label"]["text"] == "Brudd i serien"
    assert "Brudd i serien mellom 2019 og 2020: ny kommune" in " ".join(strip_tags(footer(fig)))
    english = line_chart(line_frame(), dataclasses.replace(meta, lang="en"))
    assert "Break in series" in [s["label"]["text"] for s in english["layout"]["shapes"]]
    validate(fig)


def test_title_subtitle_and_source():
    fig = line_chart(
        line_frame(), dataclasses.replace(META, notes=("Asker: nytt område fra 2020.",))
    )
    title = fig["layout"]["title"]
    assert strip_tags(title["text"])[0] + " " + strip_tags(title["text"])[1] == (
        "Anmeldelser med gjerningssted Bærum, 10–17 år, 2014–2020"
    )
    assert (
        "<span style='font-size:14px;color:#4d4d4d'>Antall anmeldelser per år</span>"
        in (title["text"])
    )
    assert title["font"]["size"] > fig["layout"]["font"]["size"]
    lines = strip_tags(footer(fig))
    assert " ".join(lines).endswith("Kilde: SLT årsrapport 2020, Bærum kommune, kap. 2.1.1")
    assert "Asker: nytt område fra 2020." in " ".join(lines)


def test_long_text_is_wrapped_for_320_px():
    meta = dataclasses.replace(
        META,
        source="Kilde: SLT årsrapport 2020, Bærum kommune, kap. 2.1.1 Politiets "
        "kriminalitetsstatistikk 2020 – Kriminalitet fordelt på alder og kjønn",
    )
    fig = line_chart(line_frame(), meta)
    assert all(len(line) <= figures.FOOTER_WRAP for line in strip_tags(footer(fig)))
    assert all(
        len(line) <= figures.TITLE_WRAP for line in strip_tags(fig["layout"]["title"]["text"])[:2]
    )


def test_large_scales_fonts_for_a_projector():
    normal = line_chart(line_frame(), META)["layout"]
    large = line_chart(line_frame(), dataclasses.replace(META, large=True))["layout"]
    assert normal["font"]["size"] == 14
    assert large["font"]["size"] == round(14 * 1.6)
    assert large["title"]["font"]["size"] == round(normal["title"]["font"]["size"] * 1.6)
    assert large["xaxis"]["tickfont"]["size"] == round(14 * 1.6)


def test_plain_white_template_and_fixed_axes():
    layout = line_chart(line_frame(), META)["layout"]
    assert layout["template"] == {"data": {}, "layout": {}}
    assert layout["paper_bgcolor"] == layout["plot_bgcolor"] == "#ffffff"
    assert "system-ui" in layout["font"]["family"]
    assert layout["xaxis"]["fixedrange"] and layout["yaxis"]["fixedrange"]


def test_labels_are_escaped_not_parsed_as_html():
    df = pd.DataFrame({"x": [2019, 2020], "series": ["<5 år", "<5 år"], "value": [1, 2]})
    fig = line_chart(df, META)
    assert fig["data"][0]["name"] == "&lt;5 år"


def test_float_x_positions():
    df = pd.DataFrame({"x": [2019.5, 2020.5], "series": ["A", "A"], "value": [1.0, 2.0]})
    fig = line_chart(df, META)
    assert fig["data"][0]["x"] == [2019.5, 2020.5]
    validate(fig)


def test_line_chart_input_errors():
    with pytest.raises(ValueError, match="needs columns"):
        line_chart(pd.DataFrame({"x": [2020], "value": [1]}), META)
    duplicate = pd.DataFrame({"x": [2020, 2020], "series": ["A", "A"], "value": [1, 2]})
    with pytest.raises(ValueError, match="two rows"):
        line_chart(duplicate, META)


def test_empty_frame_gives_the_empty_figure():
    fig = line_chart(pd.DataFrame(columns=["x", "series", "value"]), META)
    assert fig["data"] == []
    assert fig["layout"]["annotations"][0]["text"] == "Ingen tall å vise"
    validate(fig)


def test_all_values_missing_still_valid():
    df = pd.DataFrame(
        {"x": [2019, 2020], "series": ["A", "A"], "value": [None, None], "status": [":", ":"]}
    )
    fig = line_chart(df, META)
    assert fig["data"][0]["y"] == [None, None]
    assert "Mangler: 2019 (:), 2020 (:)" in " ".join(strip_tags(footer(fig)))
    validate(fig)


# --- Bar chart ---------------------------------------------------------------------


def test_bar_chart_patterns_distinct_and_value_labels():
    fig = bar_chart(bar_frame(), META)
    validate(fig)
    traces = fig["data"]
    assert [t["name"] for t in traces] == ["2019", "2020"]
    assert [t["marker"]["pattern"]["shape"] for t in traces] == list(PATTERNS[:2])
    assert len({t["marker"]["pattern"]["shape"] for t in traces}) == 2
    assert traces[0]["x"] == ["Vold", "Vinning", "Narkotika", "Skadeverk"]
    assert traces[0]["text"][:3] == ["120", f"1{NBSP}235", "17"]  # 1234.5, decimals=0
    assert traces[0]["textposition"] == "outside"
    assert fig["layout"]["barmode"] == "group"
    assert fig["layout"]["xaxis"]["categoryarray"] == ["Vold", "Vinning", "Narkotika", "Skadeverk"]


def test_bar_missing_value_has_no_bar_and_shows_its_symbol():
    fig = bar_chart(bar_frame(), META)
    y2019, y2020 = (t["y"] for t in fig["data"])
    assert y2020[2] is None and y2020[2] != 0  # Narkotika 2020 suppressed
    assert y2019[3] is None  # no row for Skadeverk 2019
    marks = [a for a in fig["layout"]["annotations"] if a["name"] == "missing"]
    assert sorted(a["text"] for a in marks) == ["..", ":"]
    suppressed = next(a for a in marks if a["text"] == ":")
    # in 2020's slot of the Narkotika group (category 2), at the baseline
    assert suppressed["x"] == pytest.approx(2 + 0.1875)
    assert suppressed["y"] == 0 and suppressed["yanchor"] == "bottom"
    assert suppressed["hovertext"] == "2020, Narkotika: : (skjult (konfidensielt))"
    absent = next(a for a in marks if a["text"] == "..")
    assert absent["x"] == pytest.approx(3 - 0.1875)
    assert ": = skjult (konfidensielt)" in " ".join(strip_tags(footer(fig)))


def test_bar_hover_is_formatted():
    fig = bar_chart(bar_frame(), dataclasses.replace(META, decimals=1, lang="en"))
    assert fig["data"][0]["hovertext"][1] == "2019, Vinning: 1,234.5"
    assert fig["data"][0]["hovertemplate"] == "%{hovertext}<extra></extra>"
    assert fig["layout"]["separators"] == ".,"


def test_stacked_bars_mark_a_missing_part_on_top_of_the_stack():
    fig = bar_chart(bar_frame(), META, barmode="stack")
    validate(fig)
    assert fig["layout"]["barmode"] == "stack"
    assert all(t["textposition"] == "inside" for t in fig["data"])
    marks = [a for a in fig["layout"]["annotations"] if a["name"] == "missing"]
    narkotika = next(a for a in marks if a["text"] == ":")
    assert (narkotika["x"], narkotika["y"]) == (2.0, 17.0)  # above the 17 that is drawn
    for trace in fig["data"]:
        ink = trace["textfont"]["color"]
        assert contrast_ratio(ink, trace["marker"]["color"]) >= 4.5


def test_horizontal_bars_keep_the_given_order_top_to_bottom():
    fig = bar_chart(bar_frame(), META, horizontal=True)
    validate(fig)
    trace = fig["data"][0]
    assert trace["orientation"] == "h"
    assert trace["y"] == ["Vold", "Vinning", "Narkotika", "Skadeverk"]
    assert trace["x"][0] == 120.0
    yaxis = fig["layout"]["yaxis"]
    assert yaxis["autorange"] == "reversed"
    assert yaxis["categoryarray"] == ["Vold", "Vinning", "Narkotika", "Skadeverk"]
    marks = [a for a in fig["layout"]["annotations"] if a["name"] == "missing"]
    assert all(a["x"] == 0 and a["xanchor"] == "left" for a in marks)
    # the value axis is at the bottom and still says the unit (wrapped for a phone)
    assert "Anmeldelser (antall)" in " ".join(strip_tags(footer(fig)))


def test_bar_chart_without_series_column():
    df = pd.DataFrame({"category": ["A", "B"], "value": [3, None], "status": [None, "."]})
    fig = bar_chart(df, META)
    assert len(fig["data"]) == 1 and fig["layout"]["showlegend"] is False
    assert fig["data"][0]["y"] == [3.0, None]
    assert [a["text"] for a in fig["layout"]["annotations"]] == ["."]
    validate(fig)


def test_bar_chart_errors():
    with pytest.raises(ValueError):
        bar_chart(bar_frame(), META, barmode="overlay")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="needs columns"):
        bar_chart(pd.DataFrame({"value": [1]}), META)


def test_many_series_get_distinct_patterns():
    df = pd.DataFrame(
        {
            "category": ["A"] * len(PATTERNS),
            "series": list("abcdefgh"),
            "value": range(len(PATTERNS)),
        }
    )
    shapes = [t["marker"]["pattern"]["shape"] for t in bar_chart(df, META)["data"]]
    assert len(set(shapes)) == len(PATTERNS)


# --- Funnel and empty --------------------------------------------------------------


def test_funnel_is_grouped_horizontal_bars_in_stage_order():
    stages = ["Bekymring", "Samtale", "Oppfølging", "Avsluttet"]
    df = pd.DataFrame(
        {
            "stage": stages * 2,
            "series": ["2019"] * 4 + ["2020"] * 4,
            "value": [200, 150, 80, None, 160, 120, 64, 30],
            "status": [None, None, None, "..", None, None, None, None],
        }
    )
    fig = funnel_chart(df, META)
    validate(fig)
    assert all(t["type"] == "bar" and t["orientation"] == "h" for t in fig["data"])
    assert fig["data"][0]["y"] == stages
    assert fig["layout"]["yaxis"]["autorange"] == "reversed"
    assert fig["layout"]["barmode"] == "group"
    assert fig["data"][0]["x"] == [200.0, 150.0, 80.0, None]
    assert [a["text"] for a in fig["layout"]["annotations"]] == [".."]


def test_funnel_without_series():
    df = pd.DataFrame({"stage": ["A", "B"], "value": [10, 5]})
    fig = funnel_chart(df, META)
    assert len(fig["data"]) == 1
    with pytest.raises(ValueError, match="needs columns"):
        funnel_chart(pd.DataFrame({"category": ["A"], "value": [1]}), META)


def test_empty_figure():
    fig = empty_figure("Ingen tall for Asker før 2020", META)
    validate(fig)
    assert fig["data"] == []
    message = fig["layout"]["annotations"][0]
    assert message["text"] == "Ingen tall for Asker før 2020"
    assert (message["x"], message["y"], message["xanchor"]) == (0.5, 0.5, "center")
    assert fig["layout"]["xaxis"]["visible"] is False
    assert "Kilde: SLT" in fig["layout"]["annotations"][1]["text"]


# --- ChartMeta -----------------------------------------------------------------------


def test_chart_meta_validates():
    with pytest.raises(ValueError):
        ChartMeta(title="x", lang="se")
    with pytest.raises(ValueError):
        ChartMeta(title="x", events=(("2015-13-01", "bad"),))
    with pytest.raises(ValueError):
        ChartMeta(title="x", decimals=-1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        META.title = "y"  # type: ignore[misc]


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("large", [False, True])
def test_every_builder_validates(lang, large):
    meta = dataclasses.replace(
        META,
        lang=lang,
        large=large,
        events=(("2017-05-01", "Sammenslåing"),),
        breaks=((2019.5, "ny kommune"),),
    )
    validate(line_chart(line_frame(), meta))
    validate(bar_chart(bar_frame(), meta))
    validate(bar_chart(bar_frame(), meta, barmode="stack", horizontal=True))
    validate(funnel_chart(bar_frame().rename(columns={"category": "stage"}), meta))
    validate(empty_figure("Ingen tall", meta))


# --- Text that fits: never rotated, footnotes apart for the page ---------------------


def angles(fig: dict) -> list[tuple[str, object]]:
    """Every `textangle` and `tickangle` anywhere in a figure dict, with where it is."""
    found: list[tuple[str, object]] = []

    def walk(node, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("textangle", "tickangle"):
                    found.append((f"{where}.{key}", value))
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}[{i}]")

    walk(fig, "figure")
    return found


def assert_upright_text(fig: dict) -> None:
    """No text turned: every angle is 0, and set where Plotly's default ("auto") may turn
    it (bar text, labels of line shapes, tick labels)."""
    turned = [(where, angle) for where, angle in angles(fig) if angle != 0]
    assert turned == []
    layout = fig["layout"]
    for trace in fig["data"]:
        if trace["type"] == "bar":
            assert trace.get("textangle") == 0, trace["name"]
    for shape in layout.get("shapes", []):
        if shape.get("label", {}).get("text"):
            assert shape["label"].get("textangle") == 0, shape["name"]
    for axis in ("xaxis", "yaxis"):
        if layout.get(axis, {}).get("visible", True):
            assert layout[axis].get("tickangle") == 0, axis


def crowded_bar_frame(series: int, categories: int, value: float) -> pd.DataFrame:
    rows = [
        (str(2014 + c), f"Serie {s}", value + s, None)
        for c in range(categories)
        for s in range(series)
    ]
    return pd.DataFrame(rows, columns=["category", "series", "value", "status"])


@pytest.mark.parametrize("large", [False, True])
def test_no_builder_turns_text(large):
    meta = dataclasses.replace(
        META,
        large=large,
        events=(("2017-05-01", "Sammenslåing"),),
        breaks=((2015.5, "ny kommune"), (2019.5, "ny kommune")),
    )
    for fig in (
        line_chart(line_frame(), meta),
        bar_chart(bar_frame(), meta),
        bar_chart(crowded_bar_frame(5, 5, 154), meta),  # labels wider than a phone's bars
        bar_chart(crowded_bar_frame(8, 12, 123456), meta),  # wider than a laptop's
        bar_chart(bar_frame(), meta, barmode="stack"),
        bar_chart(bar_frame(), meta, barmode="stack", horizontal=True),
        funnel_chart(bar_frame().rename(columns={"category": "stage"}), meta),
    ):
        assert_upright_text(fig)
        validate(fig)


def test_column_values_are_drawn_only_where_a_wide_plot_has_room():
    fits = bar_chart(bar_frame(), META)  # 4 categories x 2 series: fits a phone
    assert {t["textposition"] for t in fits["data"]} == {"outside"}
    phone_only_not = bar_chart(crowded_bar_frame(5, 5, 154), META)
    # drawn (the browser hides them all while one is wider than its bar) ...
    assert {t["textposition"] for t in phone_only_not["data"]} == {"outside"}
    assert all(t["constraintext"] == "none" for t in phone_only_not["data"])  # never shrunk
    # ... with headroom above the tallest column
    assert phone_only_not["layout"]["yaxis"]["range"][1] > 158
    too_many = bar_chart(crowded_bar_frame(8, 12, 123456), META)
    assert {t["textposition"] for t in too_many["data"]} == {"none"}
    assert all(t["text"] and t["hovertext"] for t in too_many["data"])  # still in the hover


def test_break_label_is_horizontal_and_faces_the_middle():
    meta = dataclasses.replace(META, breaks=((2014.5, "a"), (2019.5, "b")))
    breaks = [s for s in line_chart(line_frame(), meta)["layout"]["shapes"] if s["name"] == "break"]
    assert [(s["label"]["textangle"], s["label"]["xanchor"]) for s in breaks] == [
        (0, "left"),
        (0, "right"),
    ]


def test_long_names_are_wrapped_in_the_legend_and_beside_bars():
    name = "Fire eller flere anmeldelser i politidistriktet"
    frame = pd.DataFrame(
        {
            "category": ["I alt under oppfølging (publisert)"] * 2,
            "series": [name, "B"],
            "value": [1, 2],
        }
    )
    fig = bar_chart(frame, META, horizontal=True)
    assert fig["data"][0]["name"] == "Fire eller flere<br>anmeldelser i<br>politidistriktet"
    assert fig["data"][0]["y"] == ["I alt under oppfølging (publisert)"]  # the category itself
    # an image (at least 640 px wide) has room for the name on one line; a page wraps it
    assert fig["layout"]["yaxis"]["ticktext"] == ["I alt under oppfølging (publisert)"]
    assert fig["layout"]["yaxis"]["tickvals"] == ["I alt under oppfølging (publisert)"]
    page, _notes = figures.page_figure(fig)
    assert page["layout"]["yaxis"]["ticktext"] == ["I alt under<br>oppfølging<br>(publisert)"]
    assert page["layout"]["yaxis"]["autorange"] == "reversed"  # the rest of the axis stays
    validate(fig)
    validate(page)


def test_many_long_names_beside_bars_make_the_chart_taller():
    frame = pd.DataFrame(
        {
            "category": [
                f"Utsatt for vold i hjemmet – Ungdom (alder {k}) – Jenter" for k in range(10)
            ],
            "value": range(10),
        }
    )
    fig = bar_chart(frame, META, horizontal=True)
    assert "height" not in fig["layout"]  # an image has its own size
    assert figures.page_figure(fig)[0]["layout"]["height"] > figures.DEFAULT_HEIGHT
    few = figures.page_figure(bar_chart(bar_frame(), META, horizontal=True))[0]
    assert "height" not in few["layout"]


def test_page_figure_takes_the_footer_out_of_the_drawing():
    meta = dataclasses.replace(
        META, source="", events=(("2017-05-01", "Sammenslåing"),), breaks=((2019.5, "ny"),)
    )
    fig = line_chart(line_frame(), meta)
    drawn = " ".join(strip_tags(footer(fig)))
    page, notes = figures.page_figure(fig)
    assert notes == [
        "Mangler: Bærum 2016 (..), 2017 (:); Asker 2020 (-)",
        ".. = tall mangler, : = skjult (konfidensielt), - = null / ingenting",
        "1: Sammenslåing (mai 2017)",
        "Brudd i serien mellom 2019 og 2020: ny",
    ]
    for note in notes:  # every footnote is also drawn in the figure as built
        assert note.split(" (")[0] in drawn
    assert page["layout"]["xaxis"]["title"]["text"] == ""
    assert "meta" not in page["layout"]
    assert footer(fig) and fig["layout"]["meta"]["footnotes"] == notes  # input unchanged
    validate(page)
    # horizontal bars keep their value-axis title; the footer goes
    bars, bar_notes = figures.page_figure(bar_chart(bar_frame(), META, horizontal=True))
    assert strip_tags(footer(bars)) == ["Anmeldelser", "(antall)"]
    assert bar_notes == [".. = tall mangler, : = skjult (konfidensielt)", META.source]
    # a figure without a footer is given back as it is
    plain = bar_chart(bar_frame().dropna(), dataclasses.replace(META, source=""))
    assert "meta" not in plain["layout"]
    assert figures.page_figure(plain) == (plain, [])


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("kommune", ["baerum", "asker", "oslo"])
def test_no_chart_of_the_registry_turns_text(con, kommune, lang):
    """Every registered chart, as pages, embeds, images and slides get it, and as the page
    draws it (footnotes apart): no rotated text anywhere."""
    from dashboard.charts.listing import REGISTRY
    from dashboard.state import parse

    drawn = 0
    for chart_id, chart in REGISTRY.items():
        state = parse(chart.params, {"kommune": kommune, "lang": lang})
        result = chart.build(con.cursor(), state)
        if result.figure is None:
            continue
        drawn += 1
        assert angles(result.figure) and all(a == 0 for _w, a in angles(result.figure)), chart_id
        assert_upright_text(result.figure)
        page, notes = figures.page_figure(result.figure)
        assert_upright_text(page)
        for note in notes:  # what leaves the drawing is the footer's text, nothing else
            assert note.split(" ")[0] in footer(result.figure)
    assert drawn >= 3
