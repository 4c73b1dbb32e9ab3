"""The warehouse holds every statistic of the two SLT reports exactly as printed.

This is an independent check of the transcription in ``data/*.csv``: every expected
number below was read directly from the source texts
(``slt-baerum-arsrapport-2020.txt``, clean, and ``slt-baerum-arsrapport-2019.txt``,
OCR) and typed in by hand, table by table (docs/DATA.md, tables A–K). The test compares the
warehouse with the report *as printed*; it never recomputes a number.

Conventions:

* A fact is selected by its publication (the report's edition year, the first year
  named in ``publication``) plus its dimensions. Dimensions that are not given default
  to ``'alle'`` (not broken down / the published total), the municipality to ``baerum``.
* ``None`` as an expected value means "the cell is printed but unreadable or not
  printed": the fact must exist with ``value`` NULL and a status symbol, never 0.
* Numbers stated only in the prose are matched more loosely: in table D only measure,
  category and year are pinned (exactly one fact must match); in table K only the
  dimensions we are sure of are pinned, and the printed number must be among the
  values of the facts that match.

The ``con`` fixture (tests/conftest.py) is a read-only DuckDB connection to the
warehouse built from ``data/``, with a view ``facts``.
"""

from __future__ import annotations

from typing import Any

import pytest

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

#: Dimension columns of ``facts`` and their default when a test does not name them.
DIMENSION_DEFAULTS: dict[str, str] = {
    "municipality": "baerum",
    "place_role": "alle",
    "residence": "alle",
    "age_group": "alle",
    "sex": "alle",
    "offence_group": "alle",
    "offence_subgroup": "alle",
    "category": "alle",
}

#: Columns a test may filter on (besides year and publication).
FILTER_COLUMNS = frozenset(DIMENSION_DEFAULTS) | {"measure", "period", "municipality_code"}

#: SSB's symbols for a missing cell (dashboard/dimensions.py STATUSES).
STATUSES = ("..", ":", ".", "-")

#: The edition of a fact: the first year named in ``publication``
#: ('SLT årsrapport 2020 – Bærum kommune' -> 2020). Taking the *first* year keeps a
#: publication string that also mentions a later date from matching the wrong edition.
PUBLICATION_YEAR_SQL = "TRY_CAST(regexp_extract(publication, '(19|20)[0-9]{2}') AS INTEGER)"


def _where(publication_year: int, year: int | None, dims: dict[str, Any]) -> tuple[str, list]:
    unknown = set(dims) - FILTER_COLUMNS
    assert not unknown, f"test bug: unknown dimension(s) {sorted(unknown)}"
    clauses = [f"{PUBLICATION_YEAR_SQL} = ?"]
    params: list[Any] = [publication_year]
    if year is not None:
        clauses.append("year = ?")
        params.append(year)
    for column, wanted in dims.items():
        clauses.append(f"{column} = ?")
        params.append(wanted)
    return " AND ".join(clauses), params


def _describe(publication_year: int, year: int | None, dims: dict[str, Any]) -> str:
    parts = [f"publication {publication_year}"]
    if year is not None:
        parts.append(f"year={year}")
    parts += [f"{k}={v}" for k, v in sorted(dims.items())]
    return ", ".join(parts)


def cell(con, publication_year: int, year: int, measure: str, **dims: str) -> tuple[Any, Any]:
    """The (value, status) of the one fact with exactly these dimensions.

    Dimensions not given are ``'alle'``; the municipality is ``baerum`` unless given.
    Fails unless exactly one fact matches.
    """
    full = {**DIMENSION_DEFAULTS, "measure": measure, **dims}
    where, params = _where(publication_year, year, full)
    rows = con.execute(
        f"SELECT value, status FROM facts WHERE {where}",
        params,
    ).fetchall()
    assert len(rows) == 1, (
        f"expected exactly one fact for {_describe(publication_year, year, full)}, "
        f"found {len(rows)}: {rows}"
    )
    value, status = rows[0]
    return value, status


def matching_values(con, publication_year: int, year: int | None, **dims: str) -> list[tuple]:
    """(value, status) of every fact matching only the given dimensions (no defaults)."""
    where, params = _where(publication_year, year, dims)
    return con.execute(
        f"SELECT value, status FROM facts WHERE {where} ORDER BY value",
        params,
    ).fetchall()


def assert_number(value: Any, status: Any, expected: float, what: str) -> None:
    assert status is None, f"{what}: expected the number {expected}, got status {status!r}"
    assert value is not None, f"{what}: expected {expected}, got NULL"
    assert value == pytest.approx(expected), f"{what}: expected {expected}, got {value}"


def assert_missing(value: Any, status: Any, expected_status: str, what: str) -> None:
    assert value is None, f"{what}: a missing cell must have no value (never 0), got {value}"
    assert status == expected_status, f"{what}: expected status {expected_status!r}, got {status!r}"


def check_cell(con, publication_year, year, measure, expected, missing_status="..", **dims):
    value, status = cell(con, publication_year, year, measure, **dims)
    what = _describe(publication_year, year, {"measure": measure, **dims})
    if expected is None:
        assert_missing(value, status, missing_status, what)
    else:
        assert_number(value, status, expected, what)


def assert_printed_among(con, publication_year, year, expected, **dims) -> None:
    """The printed number is among the values of the facts matching the given dims."""
    rows = matching_values(con, publication_year, year, **dims)
    what = _describe(publication_year, year, dims)
    assert rows, f"no fact found for {what}"
    values = [v for v, _ in rows if v is not None]
    assert any(v == pytest.approx(expected) for v in values), (
        f"{what}: printed number {expected} not among the stored values {values}"
    )


def _params(table: dict, years: range | list, prefix: str) -> list:
    """Flatten {key: [v_year1, v_year2, ...]} to pytest params (key, year, value)."""
    out = []
    for key, values in table.items():
        assert len(values) == len(years), f"test bug: {prefix} {key} has {len(values)} cells"
        for y, v in zip(years, values, strict=True):
            label = "-".join(str(k) for k in (key if isinstance(key, tuple) else (key,)))
            out.append(pytest.param(key, y, v, id=f"{prefix}-{label}-{y}"))
    return out


# ---------------------------------------------------------------------------
# A, B — 2020 report: anmeldelser 10-17 by age x sex, gjerningssted / bosted, 2013-2020
# ---------------------------------------------------------------------------

YEARS_AB = range(2013, 2021)

# "Antall anmeldelser for mistenkte 10-17 år med gjerningssted i Bærum"
TABLE_A = {
    ("10-14", "jenter"): [19, 38, 20, 9, 18, 46, 56, 70],
    ("10-14", "gutter"): [14, 25, 24, 27, 48, 39, 56, 59],
    ("15-17", "jenter"): [44, 40, 54, 75, 28, 24, 67, 59],
    ("15-17", "gutter"): [133, 153, 130, 64, 83, 131, 207, 114],
}

# "Antall anmeldelser for mistenkte 10-17 år med bosted i Bærum"
TABLE_B = {
    ("10-14", "jenter"): [11, 35, 16, 7, 13, 32, 37, 26],
    ("10-14", "gutter"): [13, 31, 29, 22, 42, 38, 47, 43],
    ("15-17", "jenter"): [40, 27, 27, 58, 34, 17, 58, 37],
    ("15-17", "gutter"): [137, 145, 125, 79, 102, 109, 190, 88],
}


@pytest.mark.parametrize(("key", "year", "expected"), _params(TABLE_A, YEARS_AB, "A"))
def test_a_anmeldelser_gjerningssted_age_sex_2020_report(con, key, year, expected):
    age, sex = key
    check_cell(
        con, 2020, year, "anmeldelser", expected,
        place_role="gjerningssted", age_group=age, sex=sex,
    )  # fmt: skip


@pytest.mark.parametrize(("key", "year", "expected"), _params(TABLE_B, YEARS_AB, "B"))
def test_b_anmeldelser_bosted_age_sex_2020_report(con, key, year, expected):
    age, sex = key
    check_cell(
        con, 2020, year, "anmeldelser", expected,
        place_role="bosted", residence="baerum", age_group=age, sex=sex,
    )  # fmt: skip


# ---------------------------------------------------------------------------
# C — 2020 report: gjerningssted Bærum 10-17 by the suspect's residence, 2016-2020
# ---------------------------------------------------------------------------

YEARS_C = range(2016, 2021)

TABLE_C = {
    ("personer", "baerum"): [72, 102, 116, 145, 154],
    ("personer", "asker"): [18, 22, 27, 46, 53],
    ("personer", "oslo"): [24, 13, 27, 32, 39],
    ("personer", "utenfor_opd"): [8, 11, 13, 35, 31],
    ("personer", "ikke_plassert"): [3, 1, 1, 1, 3],
    ("personer", "alle"): [124, 147, 183, 258, 279],  # Totalsum
    ("anmeldelser", "baerum"): [110, 106, 145, 253, 150],
    ("anmeldelser", "asker"): [26, 32, 36, 59, 70],
    ("anmeldelser", "oslo"): [18, 21, 31, 48, 43],
    ("anmeldelser", "utenfor_opd"): [14, 19, 24, 38, 44],
    ("anmeldelser", "ikke_plassert"): [5, 1, 1, 1, 3],
    ("anmeldelser", "alle"): [172, 174, 235, 382, 288],  # Totalsum
}


@pytest.mark.parametrize(("key", "year", "expected"), _params(TABLE_C, YEARS_C, "C"))
def test_c_geografisk_fordeling_by_residence_2020_report(con, key, year, expected):
    measure, residence = key
    check_cell(
        con, 2020, year, measure, expected,
        place_role="gjerningssted", age_group="10-17", residence=residence,
    )  # fmt: skip


def test_c_published_total_kept_not_the_sum_of_rows(con):
    """2020 anmeldelser: the rows sum to 310, the report prints Totalsum 288 (one report
    can involve suspects from several places). The warehouse keeps the printed 288."""
    value, status = cell(
        con, 2020, 2020, "anmeldelser",
        place_role="gjerningssted", age_group="10-17", residence="alle",
    )  # fmt: skip
    assert_number(value, status, 288, "C 2020 anmeldelser Totalsum")
    where, params = _where(
        2020,
        2020,
        {
            "municipality": "baerum",
            "measure": "anmeldelser",
            "place_role": "gjerningssted",
            "age_group": "10-17",
            "sex": "alle",
            "offence_group": "alle",
            "offence_subgroup": "alle",
            "category": "alle",
        },
    )
    rows_sum, n_rows = con.execute(
        f"SELECT SUM(value), COUNT(*) FROM facts WHERE {where} AND residence <> 'alle'",
        params,
    ).fetchone()
    assert n_rows == 5, f"expected the five printed residence rows, found {n_rows}"
    assert rows_sum == pytest.approx(310)
    assert value != pytest.approx(rows_sum)


# ---------------------------------------------------------------------------
# D — 2020 report: gjentatt kriminalitet (prose), 2020
# ---------------------------------------------------------------------------

# "åtte personer bosatt i Bærum registrert med fire eller flere anmeldelser i OPD i 2020.
#  Til sammen står disse åtte personene for 31 anmeldelser. Syv av disse ble registrert
#  for kriminalitet i 23 anmeldelser i egen kommune."
TABLE_D = [
    ("personer", "gjentatt_4pluss", 8),
    ("anmeldelser", "gjentatt_4pluss", 31),
    ("personer", "gjentatt_4pluss_egen_kommune", 7),
    ("anmeldelser", "gjentatt_4pluss_egen_kommune", 23),
]


@pytest.mark.parametrize(
    ("measure", "category", "expected"),
    [pytest.param(*row, id=f"D-{row[0]}-{row[1]}") for row in TABLE_D],
)
def test_d_gjentatt_kriminalitet_2020(con, measure, category, expected):
    # place_role / age_group / residence are not pinned: the prose does not fix them.
    rows = matching_values(con, 2020, 2020, measure=measure, category=category)
    what = _describe(2020, 2020, {"measure": measure, "category": category})
    assert len(rows) == 1, f"expected exactly one fact for {what}, found {rows}"
    assert_number(rows[0][0], rows[0][1], expected, what)


# ---------------------------------------------------------------------------
# E — bekymringssamtaler and youths under follow-up, 2019 (2019 report), 2020 (2020 report)
# ---------------------------------------------------------------------------

TABLE_E = [
    # (publication, year, measure, category, printed)
    (2019, 2019, "bekymringssamtaler", "alle", 134),
    (2020, 2020, "bekymringssamtaler", "alle", 101),
    (2019, 2019, "ungdom_oppfolging", "alle", 80),
    (2020, 2020, "ungdom_oppfolging", "alle", 77),
    (2019, 2019, "ungdom_oppfolging", "bekymring", 68),
    (2020, 2020, "ungdom_oppfolging", "bekymring", 65),
    (2019, 2019, "ungdom_oppfolging", "risiko", 10),
    (2020, 2020, "ungdom_oppfolging", "risiko", 10),
    (2019, 2019, "ungdom_oppfolging", "tett_pa", 2),
    (2020, 2020, "ungdom_oppfolging", "tett_pa", 2),
]


@pytest.mark.parametrize(
    ("publication", "year", "measure", "category", "expected"),
    [pytest.param(*row, id=f"E-{row[2]}-{row[3]}-{row[1]}") for row in TABLE_E],
)
def test_e_bekymringssamtaler_and_follow_up(con, publication, year, measure, category, expected):
    # "ungdom": the report counts young people without stating their ages
    check_cell(con, publication, year, measure, expected, category=category, age_group="ungdom")


# ---------------------------------------------------------------------------
# F — Trygghetsprogrammet, 2019 (2019 report) and 2020 (2020 report)
# ---------------------------------------------------------------------------

TABLE_F = [
    # 2019: "registrert 103 aktiviteter ... 44 barn vært i trygghetssamtale. 47 barn har
    # fått tilbud, men har takket nei. 5 barn har ikke svart ... Fire voksne har vært i
    # programmet som offer for hatkriminalitet ... totalt seks saker som er overført"
    (2019, "registrert", 103),
    (2019, "samtale", 44),
    (2019, "takket_nei", 47),
    (2019, "ikke_svart", 5),
    (2019, "overfort", 6),
    (2019, "voksne_hatkrim", 4),
    # 2020: "registrert 205 aktiviteter ... 84 barn vært i trygghetssamtale. 107 barn har
    # fått tilbud, men har takket nei. 14 utsatte har ikke svart ... totalt 12 saker ...
    # overført til kommune eller bydel"
    (2020, "registrert", 205),
    (2020, "samtale", 84),
    (2020, "takket_nei", 107),
    (2020, "ikke_svart", 14),
    (2020, "overfort", 12),
]

# "Saker i Trygghetsprogrammet i Bærum for 2020, fordelt på kriminalitetskategori"
TABLE_F_LOVBRUDD_2020 = {
    "vold": 26,
    "ran": 21,
    "trusler": 18,
    "seksuallovbrudd": 13,
    "hatkriminalitet": 7,
    "andre": 3,
}


@pytest.mark.parametrize(
    ("year", "category", "expected"),
    [pytest.param(*row, id=f"F-{row[1]}-{row[0]}") for row in TABLE_F],
)
def test_f_trygghetsprogrammet(con, year, category, expected):
    # The reports say these are registered by the police's enhet Vest (Asker, Bærum and
    # Majorstua), so they are stored for that area; stages counting children, victims or
    # adults ("barn", "utsatte", "voksne") are persons (tp_personer), not cases.
    measure = "tp_saker" if category in ("registrert", "overfort") else "tp_personer"
    # "barn" (children: the programme is for those under 18); 2020's "utsatte" has no age
    children = category in ("samtale", "takket_nei") or (category, year) == ("ikke_svart", 2019)
    check_cell(
        con, year, year, measure, expected, category=category, municipality="enhet-vest",
        age_group="under-18" if children else "alle",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("offence_group", "expected"),
    [pytest.param(k, v, id=f"F-lovbrudd-{k}") for k, v in TABLE_F_LOVBRUDD_2020.items()],
)
def test_f_trygghetsprogrammet_by_offence_2020(con, offence_group, expected):
    check_cell(con, 2020, 2020, "tp_saker_lovbrudd", expected, offence_group=offence_group)


# ---------------------------------------------------------------------------
# G — 2019 report: forhold 10-17, gjerningssted Bærum, by offence group, 2014-2019
# ---------------------------------------------------------------------------

YEARS_GH = range(2014, 2020)
LOST = [None] * 6  # a row whose OCR lost cells: no cell can be placed in a year

# "Forhold 10-17 år 2014 2015 2016 2017 2018 2019" (OCR separators |, /, ], ), ,
# removed). Rows printing fewer than six numbers lost cells in the OCR.
TABLE_G = {
    ("annen", "alle"): [30, 28, 15, 23, 28, 31],
    ("narkotika", "alle"): [48, 30, 32, 15, 47, 69],
    ("seksuallovbrudd", "alle"): [6, 3, 9, 5, 5, 14],
    ("skadeverk", "alle"): LOST,  # printed "22| 14 4 16/ 31" (5 numbers)
    ("trafikk", "alle"): [26, 21, 8, 12, 16, 9],
    ("vinning", "alle"): [125, 132, 113, 102, 131, 275],
    ("vinning", "butikktyveri"): [91, 86, 87, 89, 98, 202],
    ("vinning", "ran"): LOST,  # printed "7 5 1 19" (4 numbers)
    ("vinning", "tyveri_fra_person"): LOST,  # printed "1 6 17| 12" (4 numbers)
    ("vold", "alle"): [26, 20, 14, 37, 19, 37],
    ("vold", "fysisk_vold"): [14, 15, 11, 21, 14, 20],
    ("vold", "mot_offentlig_tjenesteperson"): LOST,  # printed "7 2 6 2 4" (5 numbers)
    ("vold", "trusler"): [5, 3, 2, 10, 3, 11],
    ("okonomi", "alle"): [1, 2, 2, 16, 13, 22],
    # Total row, printed garbled as "0 54 1 4 488": only 2019 (= 488, also in the prose
    # "258 personer sto bak 488 forhold i 2019") can be placed.
    ("alle", "alle"): [None, None, None, None, None, 488],
}


@pytest.mark.parametrize(("key", "year", "expected"), _params(TABLE_G, YEARS_GH, "G"))
def test_g_forhold_10_17_by_offence_2019_report(con, key, year, expected):
    group, subgroup = key
    check_cell(
        con, 2019, year, "forhold", expected,
        place_role="gjerningssted", age_group="10-17",
        offence_group=group, offence_subgroup=subgroup,
    )  # fmt: skip


# ---------------------------------------------------------------------------
# H — 2019 report: forhold 18-22, gjerningssted Bærum, by offence group, 2014-2019
# ---------------------------------------------------------------------------

TABLE_H = {
    ("annen", "alle"): [62, 48, 46, 51, 57, 72],
    ("annen", "alkoholloven"): [6, 4, 2, 1, 9, 21],
    ("narkotika", "alle"): [185, 225, 161, 73, 113, 195],
    ("seksuallovbrudd", "alle"): [1, 9, 21, 14, 1, 4],
    ("skadeverk", "alle"): [10, 24, 16, 11, 6, 4],
    ("trafikk", "alle"): [103, 100, 72, 98, 101, 62],
    ("vinning", "alle"): [113, 147, 75, 76, 90, 91],
    ("vinning", "butikktyveri"): [27, 35, 35, 35, 29, 36],
    ("vinning", "ran"): [1, 1, 1, 4, 4, 4],
    ("vold", "alle"): [53, 49, 34, 29, 47, 83],
    ("vold", "fysisk_vold"): [27, 28, 14, 16, 25, 34],
    ("vold", "mot_offentlig_tjenesteperson"): [16, 15, 16, 3, 12, 18],
    ("vold", "trusler"): [10, 4, 4, 9, 10, 31],
    ("okonomi", "alle"): [15, 20, 32, 34, 24, 28],
    ("alle", "alle"): [547, 622, 457, 386, 439, 539],  # Totalsum
}


@pytest.mark.parametrize(("key", "year", "expected"), _params(TABLE_H, YEARS_GH, "H"))
def test_h_forhold_18_22_by_offence_2019_report(con, key, year, expected):
    group, subgroup = key
    check_cell(
        con, 2019, year, "forhold", expected,
        place_role="gjerningssted", age_group="18-22",
        offence_group=group, offence_subgroup=subgroup,
    )  # fmt: skip


def test_h_2014_total_is_the_printed_547_not_the_sum_542(con):
    """The 2014 groups sum to 542 against a printed Totalsum of 547 (an OCR loss
    somewhere); the printed total is kept as its own fact."""
    value, status = cell(con, 2019, 2014, "forhold", place_role="gjerningssted", age_group="18-22")
    assert_number(value, status, 547, "H 2014 Totalsum")
    where, params = _where(
        2019,
        2014,
        {
            "municipality": "baerum",
            "measure": "forhold",
            "place_role": "gjerningssted",
            "age_group": "18-22",
            "residence": "alle",
            "sex": "alle",
            "offence_subgroup": "alle",
            "category": "alle",
        },
    )
    groups_sum = con.execute(
        f"SELECT SUM(value) FROM facts WHERE {where} AND offence_group <> 'alle'",
        params,
    ).fetchone()[0]
    assert groups_sum == pytest.approx(542)


# ---------------------------------------------------------------------------
# I — 2019 report: personer 10-17, gjerningssted Bærum, by age x sex, 2010-2019
# ---------------------------------------------------------------------------

YEARS_I = range(2010, 2020)

# "Personer 10-17 år, gj.sted Bærum" (header printed "2010 20112012 2013 ...")
TABLE_I = {
    ("10-14", "jenter"): [15, 11, 17, 15, 15, 13, 10, 15, 21, 36],
    ("10-14", "gutter"): [43, 27, 23, 15, 27, 27, 18, 41, 42, 52],
    ("15-17", "jenter"): [41, 39, 28, 33, 27, 37, 41, 21, 22, 46],
    ("15-17", "gutter"): [95, 105, 110, 91, 105, 77, 59, 71, 99, 125],
}


@pytest.mark.parametrize(("key", "year", "expected"), _params(TABLE_I, YEARS_I, "I"))
def test_i_personer_gjerningssted_age_sex_2019_report(con, key, year, expected):
    age, sex = key
    check_cell(
        con, 2019, year, "personer", expected,
        place_role="gjerningssted", age_group=age, sex=sex,
    )  # fmt: skip


# ---------------------------------------------------------------------------
# J — 2019 report: extremism concerns
# ---------------------------------------------------------------------------

# "Det kom inn 105 bekymringer totalt i Oslo politidistrikt."
# "BYDEL/KOMMUNE AX HX IX VX ANNET / Bærum (14%) - (60%) (33%) - (7%)"
# "I 2018 var tallene motsatt; det var 60 prosent meldte bekymringer innen IX og
#  40 prosent innen HX, for Bærum."
TABLE_J_SHARES = [
    (2019, "knyttet_til_kommunen", 14),
    (2019, "hx", 60),
    (2019, "ix", 33),
    (2019, "annet", 7),
    (2019, "ax", None),  # printed "-"
    (2019, "vx", None),  # printed "-"
    (2018, "ix", 60),
    (2018, "hx", 40),
]


def test_j_extremism_concerns_total_2019(con):
    check_cell(con, 2019, 2019, "ekstremisme_bekymringer", 105, municipality="oslo-pd")


@pytest.mark.parametrize(
    ("year", "category", "expected"),
    [pytest.param(*row, id=f"J-{row[1]}-{row[0]}") for row in TABLE_J_SHARES],
)
def test_j_extremism_shares_baerum(con, year, category, expected):
    check_cell(
        con, 2019, year, "ekstremisme_andel", expected, missing_status="-", category=category
    )


# ---------------------------------------------------------------------------
# K — numbers stated in the prose (robust: only the dimensions we are sure of)
# ---------------------------------------------------------------------------

_UNGDATA_BOTH_REPORTS = [
    # "I 2019 var svarprosenten i Bærum 90 prosent på ungdomsskolen og 71 prosent på
    #  videregående skole."
    ("svarprosent-ungdomsskole", 2019, 90,
     {"measure": "ungdata_andel", "category": "svarprosent", "age_group": "ungdomsskole"}),
    ("svarprosent-videregaende", 2019, 71,
     {"measure": "ungdata_andel", "category": "svarprosent", "age_group": "videregaende"}),
    # "i 2014 svarte 18 prosent av ungdomsskoleelevene at de hadde drukket seg beruset det
    #  siste året, mot 16 prosent i både 2017 og 2019"
    ("beruset-2014", 2014, 18, {"measure": "ungdata_andel", "category": "beruset_siste_ar"}),
    ("beruset-2017", 2017, 16, {"measure": "ungdata_andel", "category": "beruset_siste_ar"}),
    ("beruset-2019", 2019, 16, {"measure": "ungdata_andel", "category": "beruset_siste_ar"}),
    # "Cirka ti prosent av ungdommene sier at de har vært utsatt for vold det siste året."
    ("utsatt-vold", 2019, 10, {"category": "utsatt_vold_siste_ar"}),
    # "ni prosent gutter mot seks prosent jenter" (vold i hjemmet)
    ("familievold-gutter", 2019, 9, {"category": "familievold", "sex": "gutter"}),
    ("familievold-jenter", 2019, 6, {"category": "familievold", "sex": "jenter"}),
    # "13 prosent av jentene og fire prosent av guttene ... presset dem til seksuelle
    #  handlinger. Fem prosent av jentene og to prosent av guttene ... for fulle"
    ("presset-jenter", 2019, 13, {"category": "presset_seksuelle_handlinger", "sex": "jenter"}),
    ("presset-gutter", 2019, 4, {"category": "presset_seksuelle_handlinger", "sex": "gutter"}),
    ("for-full-jenter", 2019, 5, {"category": "sex_for_full", "sex": "jenter"}),
    ("for-full-gutter", 2019, 2, {"category": "sex_for_full", "sex": "gutter"}),
    # "hvor mange som har oppsøkt lege for behandling av skade som følge av vold
    #  (ca 75 personer)"
    ("lege-etter-vold", 2019, 75, {"category": "lege_etter_vold"}),
    # "befølt mot sin vilje ... Sammenlignet med landsgjennomsnittet ligger Bærum tre
    #  prosent høyere."
    ("befolt-forskjell", 2019, 3, {"category": "befolt_mot_vilje"}),
]  # fmt: skip

TABLE_K = [
    # ---- 2019 report
    # "258 personer sto bak 488 forhold i 2019."
    ("2019-personer-258", 2019, 2019, 258,
     {"measure": "personer", "residence": "alle", "sex": "alle", "category": "alle"}),
    # "145 av de 258 personene i statistikken var bosatt i Bærum (116 av 182 i 2018)."
    ("2019-bosatt-145", 2019, 2019, 145, {"measure": "personer", "residence": "baerum"}),
    ("2019-bosatt-2018-116", 2019, 2018, 116, {"measure": "personer", "residence": "baerum"}),
    ("2019-personer-2018-182", 2019, 2018, 182,
     {"measure": "personer", "residence": "alle", "sex": "alle", "category": "alle"}),
    # "183 av 202 butikktyveri er knyttet til Sandvika storsenter."
    ("2019-sandvika-183", 2019, 2019, 183, {"category": "sandvika_storsenter"}),
    # "Dersom butikktyveri fjernes fra statistikken, er det kun to jenter igjen, men
    #  fortsatt 34 gutter." (personer under 15 år)
    ("2019-uten-butikktyveri-jenter", 2019, 2019, 2,
     {"category": "uten_butikktyveri", "sex": "jenter"}),
    ("2019-uten-butikktyveri-gutter", 2019, 2019, 34,
     {"category": "uten_butikktyveri", "sex": "gutter"}),
    # "Antall forhold med kjent gjerningsmann (kroppskade/krenkelser/trusler) i 2019 var
    #  24, mot 19 i 2018."
    ("2019-kjent-gjerningsperson", 2019, 2019, 24, {"category": "kjent_gjerningsperson"}),
    ("2019-kjent-gjerningsperson-2018", 2019, 2018, 19, {"category": "kjent_gjerningsperson"}),
    # "Antall anmeldte voldslovbrudd (fornærmet bosatt i Bærum under 18 år) i 2019 var 55,
    #  ned fra 63 i 2018."
    ("2019-fornaermet-55", 2019, 2019, 55, {"category": "fornaermet_bosatt_under_18"}),
    ("2019-fornaermet-2018-63", 2019, 2018, 63, {"category": "fornaermet_bosatt_under_18"}),
    # Vinning: "Mindre tyveri ... opp fra 63 til 111 forhold" (2018 -> 2019)
    ("2019-mindre-tyveri-111", 2019, 2019, 111, {"category": "mindre_tyveri"}),
    ("2019-mindre-tyveri-2018-63", 2019, 2018, 63, {"category": "mindre_tyveri"}),
    # 18-22: "Når det gjelder vold og trusler står en person bak 30 av forholdene."
    ("2019-en-person-30", 2019, 2019, 30, {"category": "en_person"}),
    # "51 % av bekymringene politiet mottok i 2019 kom fra justissektoren"
    ("2019-justissektoren-51", 2019, 2019, 51, {"category": "fra_justissektoren"}),
    # ---- 2020 report
    # "Totalt er 279 personer under 18 år knyttet til anmeldelser for lovbrudd begått i
    #  Bærum. 154 av disse personene har bostedsadresse Bærum."
    ("2020-personer-279", 2020, 2020, 279, {"measure": "personer", "residence": "alle"}),
    ("2020-bosatt-154", 2020, 2020, 154, {"measure": "personer", "residence": "baerum"}),
    # ---- Ungdata 2019, printed in both reports
    *[(f"2019-ungdata-{name}", 2019, year, value, dims)
      for name, year, value, dims in _UNGDATA_BOTH_REPORTS],
    *[(f"2020-ungdata-{name}", 2020, year, value, dims)
      for name, year, value, dims in _UNGDATA_BOTH_REPORTS],
]  # fmt: skip


@pytest.mark.parametrize(
    ("publication", "year", "expected", "dims"),
    [
        pytest.param(pub, year, value, dims, id=f"K-{name}")
        for name, pub, year, value, dims in TABLE_K
    ],
)
def test_k_prose_numbers(con, publication, year, expected, dims):
    assert_printed_among(con, publication, year, expected, **dims)


# ---------------------------------------------------------------------------
# Every fact: a number or a status symbol, and its provenance
# ---------------------------------------------------------------------------


def test_no_zero_stands_in_for_a_missing_cell(con):
    rows = con.execute(
        "SELECT publication, table_title, year, measure, status FROM facts "
        "WHERE value = 0 AND status IS NOT NULL"
    ).fetchall()
    assert rows == [], f"facts with value 0 and a missing-cell status: {rows[:20]}"


def test_every_fact_has_exactly_one_of_value_and_status(con):
    rows = con.execute(
        "SELECT publication, table_title, year, measure, value, status FROM facts "
        "WHERE (value IS NULL) = (status IS NULL)"
    ).fetchall()
    assert rows == [], f"facts with both or neither of value/status: {rows[:20]}"


def test_every_status_is_an_ssb_symbol(con):
    placeholders = ", ".join("?" for _ in STATUSES)
    rows = con.execute(
        f"SELECT DISTINCT status FROM facts "
        f"WHERE status IS NOT NULL AND status NOT IN ({placeholders})",
        list(STATUSES),
    ).fetchall()
    assert rows == [], f"unknown status symbols: {rows}"


def test_every_fact_names_its_publication_table_and_section(con):
    rows = con.execute(
        "SELECT source_id, year, measure, publication, table_title, section FROM facts "
        "WHERE publication IS NULL OR trim(publication) = '' "
        "OR table_title IS NULL OR trim(table_title) = '' "
        "OR section IS NULL OR trim(section) = ''"
    ).fetchall()
    assert rows == [], f"facts without publication/table_title/section: {rows[:20]}"


def test_both_reports_are_in_the_warehouse(con):
    editions = {
        row[0]
        for row in con.execute(
            f"SELECT DISTINCT {PUBLICATION_YEAR_SQL} FROM facts WHERE publication ILIKE '%SLT%'"
        ).fetchall()
    }
    assert {2019, 2020} <= editions, f"SLT report editions found: {editions}"
