"""The controlled vocabularies of the warehouse.

Every value in a data file's dimension column must be a code listed here, so a typo
in a CSV is caught at build time instead of silently becoming a new series. Labels
are bokmål first, English second. Adding a kommune or a category is a one-line
change here (and a test that the label renders).
"""

from __future__ import annotations

from dataclasses import dataclass

#: Code meaning "not broken down by this dimension" (the published total, or not applicable).
TOTAL = "alle"


@dataclass(frozen=True)
class Code:
    """One member of a dimension."""

    code: str
    nb: str
    en: str
    sort: int = 0
    parent: str | None = None  # offence sub-group -> group
    description_nb: str = ""
    description_en: str = ""
    kind: str = ""  # areas only: kommune | politienhet | politidistrikt | land


@dataclass(frozen=True)
class MunicipalityCode:
    """A municipality number and the years it was in force (inclusive; None = open)."""

    municipality: str
    code: str
    valid_from: int | None
    valid_to: int | None
    territory_note: str = ""


#: How a measure's `period` relates to its `year` (see docs/data-format.md, "period"):
#: "year" - the calendar year itself (period empty or equal to the year);
#: "two_year" - a two-year average, period "<year-1>-<year>" (year = the last year);
#: "date" - a point in time inside the year, period "d.m.yyyy" (e.g. 1.1.2020).
PERIOD_KINDS = ("year", "two_year", "date")

#: Default decimals allowed per unit (a measure may declare its own).
UNIT_DECIMALS = {"count": 0, "percent": 1, "rate": 1, "average": 1, "difference": 1}


@dataclass(frozen=True)
class Measure:
    """What a number counts. `unit` decides the validation: a count is a non-negative whole
    number; percent is 0-100; rate and average are non-negative; a difference may be signed.
    `decimals` is the most decimals a value may be written with (None: the unit's default)
    and `period` how the row's period relates to its year (PERIOD_KINDS)."""

    code: str
    nb: str
    en: str
    unit: str  # count | percent | rate | average | difference
    unit_nb: str
    unit_en: str
    description_nb: str = ""
    description_en: str = ""
    decimals: int | None = None
    period: str = "year"

    @property
    def max_decimals(self) -> int:
        return UNIT_DECIMALS[self.unit] if self.decimals is None else self.decimals


def _codes(*items: Code) -> dict[str, Code]:
    return {c.code: c for c in items}


#: Kinds of area in the `municipality` dimension (the fact column keeps its historic name:
#: it holds any area a source counts for, not only kommuner).
AREA_KINDS = ("kommune", "politienhet", "politidistrikt", "land")

MUNICIPALITIES = _codes(
    Code("baerum", "Bærum", "Bærum", 1, description_nb="Bærum kommune", kind="kommune"),
    Code(
        "asker",
        "Asker",
        "Asker",
        2,
        description_nb="Asker kommune (nytt område fra 2020)",
        kind="kommune",
    ),
    Code("oslo", "Oslo", "Oslo", 3, description_nb="Oslo kommune", kind="kommune"),
    Code("norge", "Norge", "Norway", 4, description_nb="Hele landet", kind="land"),
    Code(
        "oslo-pd",
        "Oslo politidistrikt",
        "Oslo police district",
        5,
        description_nb="Oslo, Asker og Bærum (fra 1. mai 2017)",
        description_en="Oslo, Asker and Bærum (from 1 May 2017)",
        kind="politidistrikt",
    ),
    Code(
        "enhet-vest",
        "Politiets enhet Vest",
        "Police unit West",
        6,
        description_nb="Oslo politidistrikt, enhet Vest (ENV): Asker, Bærum og Majorstua",
        description_en="Oslo police district, unit West (ENV): Asker, Bærum and Majorstua",
        kind="politienhet",
    ),
)


@dataclass(frozen=True)
class AreaMember:
    """A part of an area that is not a kommune: `member` is covered by `area`, wholly or
    (whole=False) only in part, e.g. Majorstua police station's part of Oslo."""

    area: str
    member: str
    whole: bool = True
    part_nb: str = ""
    part_en: str = ""


#: Which kommuner each larger area covers. A query for a kommune may add the figures of
#: areas that cover it wholly (with a note naming the area); never the other way round.
AREA_MEMBERS = (
    AreaMember("oslo-pd", "oslo"),
    AreaMember("oslo-pd", "asker"),
    AreaMember("oslo-pd", "baerum"),
    AreaMember("enhet-vest", "asker"),
    AreaMember("enhet-vest", "baerum"),
    AreaMember("enhet-vest", "oslo", whole=False, part_nb="Majorstua", part_en="Majorstua"),
)

#: The kommuner the dashboard filters on (slug in the URL -> code in the warehouse).
KOMMUNER = ("baerum", "asker", "oslo")

MUNICIPALITY_CODES = (
    MunicipalityCode("baerum", "0219", None, 2019),
    MunicipalityCode("baerum", "3024", 2020, 2023),
    MunicipalityCode("baerum", "3201", 2024, None),
    MunicipalityCode("asker", "0220", None, 2019, "Asker før 2020 (uten Røyken og Hurum)"),
    MunicipalityCode("asker", "3025", 2020, 2023, "Asker fra 2020 (med Røyken og Hurum)"),
    MunicipalityCode("asker", "3203", 2024, None, "Asker fra 2020 (med Røyken og Hurum)"),
    MunicipalityCode("oslo", "0301", None, None),
    MunicipalityCode("norge", "0", None, None),
)

MEASURES = {
    m.code: m
    for m in (
        Measure(
            "anmeldelser",
            "Anmeldelser",
            "Police reports",
            "count",
            "anmeldelser",
            "reports",
            "Antall anmeldelser. Én anmeldelse kan ha flere mistenkte.",
            "Number of police reports. One report can involve several suspects.",
        ),
        Measure(
            "personer",
            "Mistenkte personer",
            "Suspected persons",
            "count",
            "personer",
            "persons",
            "Antall ulike personer registrert som mistenkt.",
            "Number of distinct persons registered as suspects.",
        ),
        Measure(
            "forhold",
            "Straffbare forhold",
            "Offences",
            "count",
            "forhold",
            "offences",
            "Antall straffbare forhold. Én anmeldelse kan inneholde flere forhold.",
            "Number of offences. One report can contain several offences.",
        ),
        Measure(
            "bekymringssamtaler",
            "Bekymringssamtaler",
            "Concern talks",
            "count",
            "samtaler",
            "talks",
            "Politiets bekymringssamtaler med ungdom og foresatte.",
            "The police's concern talks with young people and their parents.",
        ),
        Measure(
            "ungdom_oppfolging",
            "Ungdom under oppfølging",
            "Young people under follow-up",
            "count",
            "personer",
            "persons",
            "Ungdom fulgt opp av forebyggende avsnitt, etter alvorlighetsgrad.",
            "Young people followed up by the prevention section, by severity.",
        ),
        Measure(
            "tp_saker",
            "Saker i Trygghetsprogrammet",
            "Cases in the Safety Programme",
            "count",
            "saker",
            "cases",
            "Registrerte saker/aktiviteter i Trygghetsprogrammet, enhet Vest, og saker "
            "overført til kommune eller bydel.",
            "Cases registered in the Safety Programme (Trygghetsprogrammet), unit West, and "
            "cases transferred to the municipality or city district.",
        ),
        Measure(
            "tp_personer",
            "Barn og voksne i Trygghetsprogrammet",
            "Children and adults in the Safety Programme",
            "count",
            "personer",
            "persons",
            "Barn, utsatte eller voksne i Trygghetsprogrammet, enhet Vest, etter hva som "
            "skjedde (i samtale, takket nei, ikke svart, voksne utsatt for hatkriminalitet). "
            "Telt som personer, slik rapportene skriver det, ikke som saker.",
            "Children, victims or adults in the Safety Programme, unit West, by outcome "
            "(in a conversation, declined, no answer, adults exposed to hate crime). Counted "
            "as persons, as the reports print them, not as cases.",
        ),
        Measure(
            "tp_saker_lovbrudd",
            "Saker i Trygghetsprogrammet etter lovbrudd",
            "Safety Programme cases by offence",
            "count",
            "saker",
            "cases",
            "Saker i Trygghetsprogrammet etter hva den utsatte har vært utsatt for.",
            "Safety Programme cases by the offence the victim was exposed to.",
        ),
        Measure(
            "ekstremisme_bekymringer",
            "Bekymringer om ekstremisme",
            "Extremism concerns",
            "count",
            "bekymringer",
            "concerns",
            "Bekymringsmeldinger om radikalisering og voldelig ekstremisme mottatt av politiet.",
            "Reports of concern about radicalisation and violent extremism received by the police.",
        ),
        Measure(
            "ekstremisme_andel",
            "Andel av bekymringene om ekstremisme",
            "Share of extremism concerns",
            "percent",
            "prosent",
            "per cent",
            "Prosentandel av bekymringene, etter tilknytning, ideologi eller avsender.",
            "Percentage of the concerns, by link, ideology or sender.",
            decimals=0,
        ),
        Measure(
            "forhold_andel",
            "Andel av de straffbare forholdene",
            "Share of offences",
            "percent",
            "prosent",
            "per cent",
            "Prosentandel av de registrerte straffbare forholdene (f.eks. begått av jenter, "
            "eller av unge gjengangere), slik kilden oppgir den.",
            "Percentage of the registered offences (e.g. by girls, or by repeat offenders), "
            "as the source states it.",
            decimals=1,
        ),
        Measure(
            "ungdata_andel",
            "Ungdata: andel som svarer",
            "Ungdata: share answering",
            "percent",
            "prosent",
            "per cent",
            "Prosentandel av elevene som svarte på Ungdata-undersøkelsen.",
            "Percentage of pupils answering the Ungdata survey.",
            decimals=0,
        ),
        Measure(
            "ungdata_antall",
            "Ungdata: antall",
            "Ungdata: number",
            "count",
            "personer",
            "persons",
            "Antall elever, regnet ut fra Ungdata-svar slik rapporten oppgir det.",
            "Number of pupils, from Ungdata answers as the report states it.",
        ),
        Measure(
            "ungdata_forskjell",
            "Ungdata: forskjell fra landet",
            "Ungdata: difference from Norway",
            "difference",
            "prosentpoeng",
            "percentage points",
            "Forskjell mellom Bærum og landsgjennomsnittet, slik rapporten oppgir den.",
            "Difference between Bærum and the national average, as the report states it.",
            decimals=0,
        ),
        Measure(
            "ungdata_forskjell_prosent",
            "Ungdata: forskjell fra landet i prosent",
            "Ungdata: difference from Norway in per cent",
            "difference",
            "prosent",
            "per cent",
            "Hvor mange prosent høyere (eller lavere) andelen i Bærum er enn "
            "landsgjennomsnittet, slik rapporten oppgir det («tre prosent høyere»). Ikke "
            "prosentpoeng.",
            "How many per cent higher (or lower) the share in Bærum is than the national "
            "average, as the report states it ('three per cent higher'). Not percentage points.",
            decimals=0,
        ),
        Measure(
            "befolkning",
            "Befolkning 1. januar",
            "Population on 1 January",
            "count",
            "innbyggere",
            "inhabitants",
            "Folkemengde 1. januar (SSB tabell 07459).",
            "Population on 1 January (Statistics Norway table 07459).",
            period="date",
        ),
        Measure(
            "siktede",
            "Siktede personer",
            "Persons charged",
            "count",
            "personer",
            "persons",
            "Personer siktet for lovbrudd i året (SSB), etter bosted eller gjerningssted.",
            "Persons charged with an offence in the year (Statistics Norway), by residence or "
            "scene of crime.",
        ),
        Measure(
            "siktede_per1000",
            "Siktede per 1 000 innbyggere i aldersgruppen",
            "Persons charged per 1,000 inhabitants of the age group",
            "rate",
            "per 1 000 innbyggere i aldersgruppen",
            "per 1,000 inhabitants of the age group",
            "Publisert av SSB (Statistisk årbok).",
            "Published by Statistics Norway (Statistical Yearbook).",
            decimals=2,
        ),
        Measure(
            "anmeldte_lovbrudd",
            "Anmeldte lovbrudd",
            "Reported offences",
            "count",
            "lovbrudd",
            "offences",
            "Anmeldte lovbrudd i året (SSB).",
            "Offences reported in the year (Statistics Norway).",
        ),
        Measure(
            "anmeldte_lovbrudd_snitt",
            "Anmeldte lovbrudd, toårssnitt",
            "Reported offences, two-year average",
            "average",
            "lovbrudd per år (snitt av to år)",
            "offences per year (two-year average)",
            "Gjennomsnitt av to år etter gjerningssted. Periodene overlapper og kan ikke summeres.",
            "Average of two years by scene of crime. Periods overlap and must not be summed.",
            period="two_year",
            decimals=1,
        ),
        Measure(
            "anmeldte_lovbrudd_per1000",
            "Anmeldte lovbrudd per 1 000 innbyggere",
            "Reported offences per 1,000 inhabitants",
            "rate",
            "per 1 000 innbyggere",
            "per 1,000 inhabitants",
            "Publisert av SSB.",
            "Published by Statistics Norway.",
            decimals=1,
        ),
        Measure(
            "anmeldte_lovbrudd_per1000_snitt",
            "Anmeldte lovbrudd per 1 000 innbyggere, toårssnitt",
            "Reported offences per 1,000 inhabitants, two-year average",
            "rate",
            "per 1 000 innbyggere",
            "per 1,000 inhabitants",
            "Publisert av SSB, gjennomsnitt av to år.",
            "Published by Statistics Norway, two-year average.",
            period="two_year",
            decimals=1,
        ),
    )
}

PLACE_ROLES = _codes(
    Code(TOTAL, "Ikke relevant", "Not applicable", 0),
    Code(
        "gjerningssted",
        "Gjerningssted",
        "Scene of crime",
        1,
        description_nb="Lovbrudd begått i kommunen, uansett hvor de mistenkte bor.",
        description_en="Offences committed in the municipality, wherever the suspects live.",
    ),
    Code(
        "bosted",
        "Bosted",
        "Residence",
        2,
        description_nb="Lovbrudd begått av personer som bor i kommunen, uansett hvor.",
        description_en="Offences committed by residents of the municipality, wherever committed.",
    ),
)

RESIDENCES = _codes(
    Code(TOTAL, "Alle bosteder (total)", "All places of residence (total)", 0),
    Code("baerum", "Bærum", "Bærum", 1),
    Code("asker", "Asker", "Asker", 2),
    Code("oslo", "Oslo", "Oslo", 3),
    Code("utenfor_opd", "Utenfor Oslo politidistrikt", "Outside Oslo police district", 4),
    Code("ikke_plassert", "Ikke plassert / utland", "Not placed / abroad", 5),
)

AGE_GROUPS = _codes(
    Code(TOTAL, "Alle aldre", "All ages", 0),
    Code("10-14", "10–14 år", "10–14 years", 1),
    Code("15-17", "15–17 år", "15–17 years", 2),
    Code("10-17", "10–17 år", "10–17 years", 3),
    Code("under-18", "Under 18 år", "Under 18 years", 4),
    Code("under-15", "Under 15 år", "Under 15 years", 9),
    Code(
        "ungdom",
        "Ungdom (alder ikke oppgitt)",
        "Young people (age not stated)",
        8,
        description_nb="Kilden teller bare unge (ungdom, elever), men oppgir ikke aldersgrensene.",
        description_en="The source counts only young people (youth, pupils) without stating "
        "the ages.",
    ),
    Code("5-14", "5–14 år", "5–14 years", 10),
    Code("18-20", "18–20 år", "18–20 years", 11),
    Code("18-22", "18–22 år", "18–22 years", 5),
    Code("ungdomsskole", "Ungdomsskole (8.–10. trinn)", "Lower secondary (years 8–10)", 6),
    Code("videregaende", "Videregående skole", "Upper secondary school", 7),
)

#: Age groups that are the sum of others (used only to report totals != sums, never to compute).
AGE_PARTS = {"10-17": ("10-14", "15-17")}

SEXES = _codes(
    Code(TOTAL, "Begge kjønn", "Both sexes", 0),
    Code("jenter", "Jenter", "Girls", 1),
    Code("gutter", "Gutter", "Boys", 2),
)

OFFENCE_GROUPS = _codes(
    Code(TOTAL, "Alle lovbrudd", "All offences", 0),
    # The police's offence groups as printed in the SLT reports (after the 2015 Penal Code).
    Code("annen", "Annen", "Other", 1),
    Code("alkoholloven", "Alkoholloven", "Alcohol Act", 2, parent="annen"),
    Code("narkotika", "Narkotika", "Drugs", 3),
    Code("seksuallovbrudd", "Seksuallovbrudd", "Sexual offences", 4),
    Code("skadeverk", "Skadeverk", "Criminal damage", 5),
    Code("trafikk", "Trafikk", "Traffic", 6),
    Code("vinning", "Vinning", "Property crime", 7),
    Code("butikktyveri", "Butikktyveri", "Shoplifting", 8, parent="vinning"),
    Code("ran", "Ran", "Robbery", 9, parent="vinning"),
    Code("tyveri_fra_person", "Tyveri fra person", "Theft from a person", 10, parent="vinning"),
    Code("vold", "Vold", "Violence", 11),
    Code("fysisk_vold", "Fysisk vold", "Physical violence", 12, parent="vold"),
    Code(
        "mot_offentlig_tjenesteperson",
        "Mot offentlig tjenesteperson",
        "Against a public servant",
        13,
        parent="vold",
    ),
    Code("trusler", "Trusler", "Threats", 14, parent="vold"),
    Code("okonomi", "Økonomi", "Economic crime", 15),
    Code(
        "forbrytelser",
        "Forbrytelser (før 2015)",
        "Crimes (felonies, before 2015)",
        18,
        description_nb="De alvorligere lovbruddene i straffeloven av 1902 (til 2015), i motsetning "
        "til forseelser.",
    ),
    # Trygghetsprogrammet's categories (what the victim was exposed to).
    Code("hatkriminalitet", "Hatkriminalitet", "Hate crime", 16),
    Code("andre", "Andre lovbrudd", "Other offences", 17),
    # Statistics Norway's groups for reported offences (StatBank 08487, 2015 classification).
    Code("ssb_eiendomstyveri", "Eiendomstyveri", "Property theft", 20),
    Code("ssb_vold", "Vold og mishandling", "Violence and maltreatment", 21),
    Code("ssb_rusmiddel", "Rusmiddellovbrudd", "Drug and alcohol offences", 22),
    Code(
        "ssb_orden",
        "Ordens- og integritetskrenkelser",
        "Public order and integrity violations",
        23,
    ),
    Code("ssb_trafikk", "Trafikklovbrudd", "Traffic offences", 24),
    Code("ssb_annet", "Annen vinning, skadeverk og andre lovbrudd", "Other offences", 25),
)

CATEGORIES = _codes(
    Code(TOTAL, "Alle", "All", 0),
    # Repeat offending (2020 report, 2.1.1)
    Code(
        "gjentatt_4pluss",
        "Fire eller flere anmeldelser i OPD",
        "Four or more reports in the police district",
        1,
    ),
    Code(
        "gjengangere_4pluss_forhold",
        "Unge gjengangere: fire eller flere straffbare forhold i året",
        "Repeat offenders: four or more offences in the year",
        3,
        description_nb="SaLTo-definisjonen: registrert med fire eller flere straffbare forhold "
        "i løpet av året (ikke det samme som fire anmeldelser i OPD).",
    ),
    Code(
        "gjengangere_10pluss",
        "Ti eller flere straffbare forhold i året",
        "Ten or more offences in the year",
        4,
    ),
    Code(
        "gjentatt_4pluss_egen_kommune",
        "Av dem: registrert i egen kommune",
        "Of them: registered in own municipality",
        2,
    ),
    # Police follow-up categories (bekymringssamtaler)
    Code("bekymring", "BEKYMRING (månedlig oppfølging)", "CONCERN (monthly follow-up)", 10),
    Code("risiko", "RISIKO (oppfølging hver 14. dag)", "RISK (follow-up every 14 days)", 11),
    Code("tett_pa", "TETT PÅ (ukentlig oppfølging)", "CLOSE (weekly follow-up)", 12),
    # Trygghetsprogrammet funnel
    Code("registrert", "Registrert", "Registered", 20),
    Code("samtale", "I trygghetssamtale", "In a safety conversation", 21),
    Code("takket_nei", "Fått tilbud, takket nei", "Offered, declined", 22),
    Code("ikke_svart", "Ikke svart", "No answer", 23),
    Code("overfort", "Overført til kommune/bydel", "Transferred to municipality/district", 24),
    Code("voksne_hatkrim", "Voksne (hatkriminalitet)", "Adults (hate crime)", 25),
    # Extremism concerns
    Code("knyttet_til_kommunen", "Knyttet til kommunen", "Linked to the municipality", 30),
    Code("hx", "Høyreekstremisme (HX)", "Right-wing extremism (HX)", 31),
    Code("ix", "Islamistisk ekstremisme (IX)", "Islamist extremism (IX)", 32),
    Code("ax", "AX", "AX", 33),
    Code("vx", "Venstreekstremisme (VX)", "Left-wing extremism (VX)", 34),
    Code(
        "annet",
        "Annet (voldsfascinasjon, uavklart ideologi)",
        "Other (fascination with violence, unclear ideology)",
        35,
    ),
    Code("fra_justissektoren", "Fra justissektoren", "From the justice sector", 36),
    # Numbers stated in the reports' prose
    Code(
        "sandvika_storsenter", "Gjerningssted Sandvika storsenter", "Scene: Sandvika storsenter", 40
    ),
    Code("uten_butikktyveri", "Uten butikktyveri", "Excluding shoplifting", 41),
    Code("kjent_gjerningsperson", "Med kjent gjerningsperson", "With a known offender", 42),
    Code(
        "fornaermet_bosatt_under_18",
        "Fornærmet bosatt i kommunen, under 18 år",
        "Victim resident in the municipality, under 18",
        43,
    ),
    Code("mindre_tyveri", "Mindre tyveri", "Petty theft", 44),
    Code("en_person", "Begått av én person", "Committed by one person", 45),
    # Ungdata topics
    Code("svarprosent", "Svarprosent", "Response rate", 50),
    Code("beruset_siste_ar", "Tydelig beruset siste år", "Clearly drunk in the past year", 51),
    Code(
        "utsatt_vold_siste_ar",
        "Utsatt for vold siste år",
        "Exposed to violence in the past year",
        52,
    ),
    Code("familievold", "Utsatt for vold i hjemmet", "Exposed to violence at home", 53),
    Code(
        "presset_seksuelle_handlinger",
        "Presset til seksuelle handlinger",
        "Pressured into sexual acts",
        54,
    ),
    Code(
        "sex_for_full",
        "Sex mot sin vilje mens for full",
        "Sex against their will while too drunk",
        55,
    ),
    Code(
        "lege_etter_vold",
        "Oppsøkt lege for skade etter vold",
        "Saw a doctor for an injury after violence",
        56,
    ),
    Code("befolt_mot_vilje", "Befølt mot sin vilje", "Groped against their will", 57),
)

#: SSB's symbols for a missing cell. A cell with one of these has no value, never 0.
STATUSES = _codes(
    Code(
        "..",
        "Tall mangler",
        "Not available",
        1,
        description_nb="Tallet finnes ikke i kilden, eller er tapt.",
    ),
    Code(":", "Skjult (konfidensielt)", "Suppressed (confidential)", 2),
    Code(".", "Ikke aktuelt", "Not applicable", 3),
    Code(
        "-",
        "Null / ingenting",
        "Nil / nothing",
        4,
        description_nb="Kilden viser en strek: det finnes ingen (SSBs «-» betyr null).",
        description_en="The source prints a dash: there are none (Statistics Norway's '-' "
        "means nil).",
    ),
)

DIMENSIONS: dict[str, dict[str, Code]] = {
    "municipality": MUNICIPALITIES,
    "place_role": PLACE_ROLES,
    "residence": RESIDENCES,
    "age_group": AGE_GROUPS,
    "sex": SEXES,
    "offence_group": OFFENCE_GROUPS,
    "offence_subgroup": OFFENCE_GROUPS,
    "category": CATEGORIES,
}


#: Families of sources, by the data file's name (prefix -> bokmål, English): the short
#: "where from" a reader sees, e.g. in the kommune selector ("SSB-tall og SaLTo-rapporten").
SOURCE_FAMILIES = (
    ("ssb-", "SSB-tall", "Statistics Norway figures"),
    ("slt", "SLT-rapportene", "the SLT reports"),
    ("ungdom-", "SaLTo-rapporten (sitert)", "the SaLTo report (quoted)"),
    ("politi-", "Politiet (sitert)", "the police (quoted)"),
    ("oslo-", "Oslo kommunes statistikk", "Oslo municipality's statistics"),
)


def source_family(source_id: str) -> tuple[str, str]:
    """(bokmål, English) family of a data file; 'Andre kilder' for an unknown prefix."""
    for prefix, nb, en in SOURCE_FAMILIES:
        if source_id.startswith(prefix):
            return nb, en
    return "Andre kilder", "Other sources"


def codes_in_force(municipality: str, first_year: int, last_year: int) -> list[str]:
    """Municipality numbers valid at some time in [first_year, last_year]."""
    return [
        c.code
        for c in MUNICIPALITY_CODES
        if c.municipality == municipality
        and (c.valid_from is None or c.valid_from <= last_year)
        and (c.valid_to is None or c.valid_to >= first_year)
    ]


def label(codes: dict[str, Code], code: str, lang: str) -> str:
    """A code's label in the reader's language."""
    entry = codes[code]
    return entry.en if lang == "en" else entry.nb


def measure_name(code: str, lang: str) -> str:
    """A measure's name in `lang` (its code if unknown)."""
    measure = MEASURES.get(code)
    if measure is None:
        return code
    return measure.en if lang == "en" else measure.nb


def kommune_name(code: str, lang: str) -> str:
    """A municipality's (or area's) name in the reader's language."""
    return label(MUNICIPALITIES, code, lang)


def kommune_options(codes: tuple[str, ...], lang: str) -> list[tuple[str, str]]:
    """(code, name) pairs for a kommune control."""
    return [(c, kommune_name(c, lang)) for c in codes]
