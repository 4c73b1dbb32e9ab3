"""The follow-up page (/trygghetsprogrammet): its charts against the published SLT figures,
its CSV downloads, and the page layout with good and garbage URL parameters."""

from __future__ import annotations

import csv
import io

import pytest

from dashboard.charts import listing as charts
from dashboard.charts.trygghetsprogrammet import PARAMS, key_figures
from dashboard.settings import Settings
from dashboard.startup import create_app
from dashboard.state import parse
from dashboard.web.layout.page import layout_for
from dashboard.web.pages import trygghetsprogrammet as page

CHART_IDS = (
    "trygghet-trakt",
    "trygghet-lovbrudd",
    "oppfolging-samtaler",
    "oppfolging-ungdom",
    "ekstremisme",
    "ungdata",
)
# Printed in the SLT reports (the source): Trygghetsprogrammet, "Resultater 2019/2020".
FUNNEL_2019 = {
    "registrert": 103,
    "samtale": 44,
    "takket_nei": 47,
    "ikke_svart": 5,
    "overfort": 6,
    "voksne_hatkrim": 4,
}
FUNNEL_2020 = {
    "registrert": 205,
    "samtale": 84,
    "takket_nei": 107,
    "ikke_svart": 14,
    "overfort": 12,
}
OFFENCES_2020 = {
    "vold": 26,
    "ran": 21,
    "trusler": 18,
    "seksuallovbrudd": 13,
    "hatkriminalitet": 7,
    "andre": 3,
}


def render(con, chart_id: str, **query) -> charts.ChartResult:
    return charts.render(chart_id, con.cursor(), parse(PARAMS, query))


def facts(con, where: str, params: list) -> list[dict]:
    cur = con.cursor()
    rows = cur.execute(f"SELECT * FROM facts WHERE preferred AND {where}", params)
    names = [d[0] for d in rows.description]
    return [dict(zip(names, r, strict=True)) for r in rows.fetchall()]


def trace(figure: dict, name: str) -> dict:
    return next(t for t in figure["data"] if t["name"] == name)


def walk(component):
    """Every component and string in a Dash layout tree."""
    yield component
    children = getattr(component, "children", None)
    if isinstance(children, (list, tuple)):
        for child in children:
            yield from walk(child)
    elif children is not None:
        yield from walk(children)


def text_of(component) -> str:
    return " ".join(str(x) for x in walk(component) if isinstance(x, (str, int, float)))


# --------------------------------------------------------------- Trygghetsprogrammet


def test_funnel_shows_the_published_stages_in_the_reports_order(con):
    result = render(con, "trygghet-trakt")
    stored = facts(
        con, "measure IN ('tp_saker', 'tp_personer') AND municipality = 'enhet-vest'", []
    )
    by_year = {
        year: {r["category"]: r["value"] for r in stored if r["year"] == year}
        for year in (2019, 2020)
    }
    assert by_year == {2019: FUNNEL_2019, 2020: FUNNEL_2020}

    fig = result.figure
    labels = fig["layout"]["yaxis"]["categoryarray"]
    assert labels == [
        "Registrert",
        "I trygghetssamtale",
        "Fått tilbud, takket nei",
        "Ikke svart",
        "Overført til kommune/bydel",
        "Voksne (hatkriminalitet)",
    ]
    assert trace(fig, "2019")["x"] == [103, 44, 47, 5, 6, 4]
    # 2020 has no number for adults: no bar, the symbol instead, never 0.
    assert trace(fig, "2020")["x"] == [205, 84, 107, 14, 12, None]
    marks = [a["text"] for a in fig["layout"]["annotations"] if a.get("name") == "missing"]
    assert marks == [".."]
    adults = result.table.set_index(result.table.columns[0]).loc["Voksne (hatkriminalitet)"]
    assert (adults["2019"], adults["2020"]) == ("4", "..")


def test_funnel_draws_only_published_numbers(con):
    """No derived stage (e.g. an "offered" count) appears in the chart or its CSV."""
    result = render(con, "trygghet-trakt")
    published = {
        r["value"]
        for r in facts(
            con, "measure IN ('tp_saker', 'tp_personer') AND municipality = 'enhet-vest'", []
        )
    }
    drawn = {x for t in result.figure["data"] for x in t["x"] if x is not None}
    assert drawn <= published
    assert set(result.data["category"]) == set(FUNNEL_2019)
    assert len(result.data) == len(FUNNEL_2019) + len(FUNNEL_2020)


def test_funnel_notes_state_the_sums_as_information(con):
    notes = " ".join(render(con, "trygghet-trakt").notes)
    assert "44 + 47 + 5 + 4" in notes and "100" in notes and "103 registrerte" in notes
    assert "84 + 107 + 14" in notes and "lik de 205 registrerte" in notes
    assert "beregnet sum av radene" in notes.lower()
    assert "enhet Vest" in notes
    assert "Tallene er små" in notes
    assert "tilbud" in notes  # says the offered count is not published, not computed


def test_funnel_year_choice(con):
    result = render(con, "trygghet-trakt", aar="2020")
    assert set(result.data["year"]) == {2020}
    assert "2020" in result.title and "2019" not in result.title
    assert len(result.figure["data"]) == 1
    assert result.figure["data"][0]["x"] == list(FUNNEL_2020.values())


def test_offence_split_is_2020_as_printed(con):
    result = render(con, "trygghet-lovbrudd")
    stored = facts(con, "measure = 'tp_saker_lovbrudd' AND municipality = 'baerum'", [])
    assert {r["offence_group"]: r["value"] for r in stored} == OFFENCES_2020
    bars = result.figure["data"][0]
    assert bars["x"] == list(OFFENCES_2020.values())  # the printed order
    assert result.figure["layout"]["yaxis"]["categoryarray"][0] == "Vold"
    notes = " ".join(result.notes)
    assert "Beregnet sum av radene: 88 saker" in notes and "205" in notes
    assert set(result.data["year"]) == {2020} and len(result.data) == 6


def test_offence_split_for_2019_says_what_exists(con):
    result = render(con, "trygghet-lovbrudd", aar="2019")
    assert result.figure is None
    # What exists is read from the warehouse: the split is printed for 2020 only.
    assert "Saker i Trygghetsprogrammet etter lovbrudd: Bærum 2020." in result.message
    assert result.data.empty


# ------------------------------------------------------------ concern talks, follow-up


def test_concern_talks_per_year(con):
    result = render(con, "oppfolging-samtaler")
    stored = facts(con, "measure = 'bekymringssamtaler' AND municipality = 'baerum'", [])
    assert {r["year"]: r["value"] for r in stored} == {2019: 134, 2020: 101}
    assert result.figure["data"][0]["y"] == [134, 101]
    assert result.figure["data"][0]["x"] == ["2019", "2020"]
    assert "ned 25\u00a0% fra 2019" in result.summary  # (101 - 134) / 134 = -24.6 %


def test_concern_talks_of_one_year_show_the_year_the_change_is_measured_from(con):
    # The 2020 report figure: the comparison the overview states (101, down 25 % from 134
    # in 2019), not one bar; its text is a sentence, not "2020: 2020 101".
    result = render(con, "oppfolging-samtaler", aar="2020")
    assert result.figure["data"][0]["x"] == ["2019", "2020"]
    assert result.figure["data"][0]["y"] == [134, 101]
    assert result.title == "Politiets bekymringssamtaler i Bærum, 2019 og 2020"
    assert result.summary == (
        "Politiets bekymringssamtaler i Bærum, 2019 og 2020: 134 i 2019 og 101 i 2020"
        " (ned 25\u00a0% fra 2019)."
    )
    assert sorted(result.data["year"]) == [2019, 2020]  # the CSV has what is drawn
    first = render(con, "oppfolging-samtaler", aar="2019", lang="en")
    assert first.figure["data"][0]["x"] == ["2019"]  # nothing published for 2018
    assert first.summary == "The police's concern talks in Bærum, 2019: 134 in 2019."


def test_youth_followup_shows_the_published_total_and_levels(con):
    result = render(con, "oppfolging-ungdom")
    fig = result.figure
    assert fig["layout"]["yaxis"]["categoryarray"][0] == "I alt under oppfølging (publisert)"
    assert trace(fig, "2019")["x"] == [80, 68, 10, 2]
    assert trace(fig, "2020")["x"] == [77, 65, 10, 2]
    assert any("Tallene er små" in n for n in result.notes)
    assert len(result.data) == 8


# ---------------------------------------------------------------------------- extremism


def test_extremism_dash_is_shown_as_a_dash_not_zero(con):
    result = render(con, "ekstremisme")
    fig = result.figure
    assert fig["layout"]["yaxis"]["categoryarray"] == [
        "Høyreekstremisme (HX)",
        "Islamistisk ekstremisme (IX)",
        "AX",
        "Venstreekstremisme (VX)",
        "Annet",
    ]
    assert trace(fig, "2019")["x"] == [60, 33, None, None, 7]
    assert trace(fig, "2018")["x"] == [40, 60, None, None, None]
    marks = [a["text"] for a in fig["layout"]["annotations"] if a.get("name") == "missing"]
    assert marks.count("-") == 2 and marks.count("..") == 3
    table = result.table.set_index(result.table.columns[0])
    assert table.loc["AX", "2019"] == "-" and table.loc["Venstreekstremisme (VX)", "2019"] == "-"
    assert table.loc["Høyreekstremisme (HX)", "2019"] == "60\u00a0%"
    dash_rows = result.data[result.data["status"] == "-"]
    assert set(dash_rows["category"]) == {"ax", "vx"} and dash_rows["value"].isna().all()


def test_extremism_key_figures(con):
    result = render(con, "ekstremisme")
    figures = {(f.text, f.year) for f in key_figures(result, "nb")}
    assert figures == {("105", 2019), ("14\u00a0%", 2019), ("51\u00a0%", 2019)}
    stored = facts(con, "measure = 'ekstremisme_bekymringer'", [])
    assert [(r["municipality"], r["value"]) for r in stored] == [("oslo-pd", 105)]
    assert all("SLT årsrapport 2019" in f.source for f in key_figures(result, "nb"))


def test_extremism_has_no_2020_figures(con):
    result = render(con, "ekstremisme", aar="2020")
    assert result.figure is None and "2019" in result.message


# ----------------------------------------------------------------- other kommuner, English


@pytest.mark.parametrize(
    ("kommune", "chart_id"),
    [
        (kommune, chart_id)
        for kommune in ("asker", "oslo")
        for chart_id in CHART_IDS
        # enhet Vest covers Asker: see test_asker_and_baerum_see_the_enhet_vest_figures;
        # Oslo has Ung i Oslo (an Ungdata survey): see test_layout_for_oslo_in_english
        if (kommune, chart_id) not in (("asker", "trygghet-trakt"), ("oslo", "ungdata"))
    ],
)
def test_other_kommuner_get_a_no_data_message(con, kommune, chart_id):
    result = render(con, chart_id, kommune=kommune)
    assert result.figure is None
    assert result.data.empty
    # The message says where the figures exist, read from the warehouse (Bærum, or the
    # police unit West for the programme's stages), and how to add one's own.
    assert "Tall finnes for" in result.message
    assert "Bærum" in result.message or "enhet Vest" in result.message
    assert "importmalen" in result.message


@pytest.mark.parametrize("kommune", ["asker", "baerum"])
def test_asker_and_baerum_see_the_enhet_vest_figures(con, kommune):
    result = render(con, "trygghet-trakt", kommune=kommune)
    assert result.figure is not None
    assert trace(result.figure, "2020")["x"][0] == 205
    assert "enhet Vest" in result.title
    assert any("Asker, Bærum og Majorstua" in n for n in result.notes)


def test_english(con):
    result = render(con, "trygghet-trakt", lang="en")
    assert result.title.startswith("Safety Programme cases by outcome")
    assert result.figure["layout"]["yaxis"]["categoryarray"][0] == "Registered"
    assert any("computed sum of the rows of 100" in n for n in result.notes)
    oslo = render(con, "ekstremisme", lang="en", kommune="oslo")
    assert oslo.message.startswith("There are no figures for this choice (Oslo)")


# ------------------------------------------------------------------------------ the page


@pytest.fixture(scope="module")
def app(warehouse_path):
    return create_app(Settings(warehouse=warehouse_path))


def download(app, path: str) -> list[dict]:
    response = app.server.test_client().get(path)
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def test_page_responds(app):
    assert app.server.test_client().get("/trygghetsprogrammet").status_code == 200


def test_csv_has_the_rows_behind_the_chart(app):
    rows = download(app, "/last-ned/trygghet-trakt.csv?aar=2019")
    assert {r["year"] for r in rows} == {"2019"}
    assert {r["category"]: int(r[r["measure"]]) for r in rows} == FUNNEL_2019
    assert all(r["publication"].startswith("SLT årsrapport 2019") for r in rows)
    extremism = download(app, "/last-ned/ekstremisme.csv")
    dashes = [r for r in extremism if r["status"] == "-"]
    assert {r["category"] for r in dashes} == {"ax", "vx"}
    assert all(r[r["measure"]] == "" for r in dashes)  # a dash, never 0
    assert download(app, "/last-ned/trygghet-trakt.csv?kommune=oslo") == []


def test_layout_sections_and_cards(app):
    with app.server.test_request_context("/trygghetsprogrammet"):
        tree = layout_for(page.SPEC)()
    components = list(walk(tree))
    h1 = [c for c in components if type(c).__name__ == "H1"]
    h2 = [c.children for c in components if type(c).__name__ == "H2"]
    assert [c.children for c in h1] == ["Oppfølging av unge"]
    assert h2 == [
        "Trygghetsprogrammet",
        "Politiets bekymringssamtaler og oppfølging av ungdom",
        "Ekstremisme",
        "Ungdata",
    ]
    cards = [getattr(c, "id", None) for c in components]
    assert all(f"card-{chart_id}" in cards for chart_id in CHART_IDS)
    # Card titles are h3 under the section headings.
    h3 = [c.children for c in components if type(c).__name__ == "H3"]
    assert any(str(t).startswith("Saker i Trygghetsprogrammet etter utfall") for t in h3)
    text = text_of(tree)
    assert "105" in text and "14\u00a0%" in text and "51\u00a0%" in text


def test_layout_with_garbage_parameters_gives_a_note(app):
    with app.server.test_request_context("/trygghetsprogrammet"):
        tree = layout_for(page.SPEC)(kommune="<script>", aar="1999", foo="bar")
    text = text_of(tree)
    # aar is a year (or "alle"): 1999 is before the first year the dashboard accepts.
    assert "«1999» er ikke et gyldig år for «aar»" in text
    assert "er ikke et gyldig valg for «kommune»" in text
    assert "ukjent valg («foo»)" in text
    assert "Oppfølging av unge" in text
    assert "Noe gikk galt" not in text


def test_layout_for_oslo_in_english(app):
    with app.server.test_request_context("/trygghetsprogrammet"):
        tree = layout_for(page.SPEC)(kommune="oslo", lang="en")
    text = text_of(tree)
    assert "Follow-up of young people" in text
    # Oslo's young repeat offenders (SaLTo) and Ung i Oslo (an Ungdata survey) are drawn;
    # the Bærum-only charts fold into one line that says what exists instead.
    assert "Young repeat offenders in Oslo" in text
    assert "Have tried hashish or marijuana" in text
    assert text.count("Not published for Oslo") == 1
    assert "No figures for Oslo on this page" not in text


# Ungdata in the reports' text (2019 report, section 2.3.2; repeated in the 2020 report).
#: (category, school level or 'ungdom' = pupils of both levels, sex) -> printed share
UNGDATA_2019 = {
    ("svarprosent", "ungdomsskole", "alle"): 90,
    ("svarprosent", "videregaende", "alle"): 71,
    ("beruset_siste_ar", "ungdomsskole", "alle"): 16,
    ("familievold", "ungdom", "jenter"): 6,
    ("familievold", "ungdom", "gutter"): 9,
    ("presset_seksuelle_handlinger", "ungdom", "jenter"): 13,
}


def test_ungdata_chart_shows_the_printed_shares(con):
    result = render(con, "ungdata")
    assert result.figure is not None and result.message is None
    data = result.data
    for (category, school, sex), printed in UNGDATA_2019.items():
        row = data[
            (data["year"] == 2019)
            & (data["category"] == category)
            & (data["age_group"] == school)
            & (data["sex"] == sex)
        ]
        assert row["value"].tolist() == [printed], (category, school, sex)
    drunk = data[data["category"] == "beruset_siste_ar"].sort_values("year")
    assert drunk["year"].tolist() == [2014, 2017, 2019]
    assert drunk["value"].tolist() == [18, 16, 16]
    assert "Ungdata" in result.source


def test_ungdata_table_marks_unprinted_years_as_not_available(con):
    table = render(con, "ungdata").table
    response = table[table.iloc[:, 0].str.startswith("Svarprosent")]
    assert set(response["2014"]) == {".."}  # not printed for 2014: "..", never 0
    assert set(response["2019"]) == {"90\u00a0%", "71\u00a0%"}


def test_ungdata_is_on_the_page_under_its_own_heading(app):
    with app.server.test_request_context("/trygghetsprogrammet"):
        tree = layout_for(page.SPEC)()
    text = text_of(tree)
    assert "Ungdata i Bærum" in text
    assert "Ungdata er en spørreundersøkelse" in text


def test_ungdata_for_a_kommune_without_it_says_what_exists(con):
    result = render(con, "ungdata", kommune="asker", lang="en")
    assert result.figure is None
    assert (
        "Figures exist for Ungdata" in result.message and "Bærum 2014, 2017, 2019" in result.message
    )


def test_extremism_in_a_year_with_only_the_ideology_split_downloads(client):
    """2018 has shares by ideology but no count: the CSV is the shares (hypothesis found a 500)."""
    response = client.get("/last-ned/ekstremisme.csv?aar=2018")
    assert response.status_code == 200
    assert "2018" in response.get_data(as_text=True)
