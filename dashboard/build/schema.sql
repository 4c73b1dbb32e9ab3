-- The statistics warehouse: dimensions, sources and one fact per published number.
-- Built by dashboard/build/warehouse.py from data/*.csv and the code lists in
-- data/vocab/*.csv (build/vocabfiles.py); served read-only.

-- Areas a number can be for (the fact column keeps the name `municipality`): kommuner,
-- police units and districts, and Norway; `kind` says which.
CREATE TABLE dim_municipality (
    code VARCHAR PRIMARY KEY, label_nb VARCHAR NOT NULL, label_en VARCHAR NOT NULL,
    sort INTEGER, description_nb VARCHAR, description_en VARCHAR,
    kind VARCHAR NOT NULL CHECK (kind IN ('kommune', 'politienhet', 'politidistrikt', 'land'))
);
-- Which kommuner a larger area covers; whole = FALSE for a part (Majorstua of Oslo).
CREATE TABLE dim_area_member (
    area VARCHAR NOT NULL REFERENCES dim_municipality (code),
    member VARCHAR NOT NULL REFERENCES dim_municipality (code),
    whole BOOLEAN NOT NULL,
    part_nb VARCHAR, part_en VARCHAR, sort INTEGER NOT NULL,
    PRIMARY KEY (area, member)
);
CREATE TABLE dim_municipality_code (
    municipality VARCHAR NOT NULL REFERENCES dim_municipality (code),
    code VARCHAR NOT NULL, valid_from INTEGER, valid_to INTEGER, territory_note VARCHAR,
    sort INTEGER NOT NULL
);
CREATE TABLE dim_measure (
    code VARCHAR PRIMARY KEY, label_nb VARCHAR NOT NULL, label_en VARCHAR NOT NULL,
    unit VARCHAR NOT NULL, unit_nb VARCHAR, unit_en VARCHAR,
    decimals INTEGER, period VARCHAR, sort INTEGER NOT NULL,
    rate_base VARCHAR,  -- a count: the measure of the population it can be a rate of
    rate_of VARCHAR,  -- a published rate: the count measure it is a rate of
    description_nb VARCHAR, description_en VARCHAR
);
CREATE TABLE dim_place_role (
    code VARCHAR PRIMARY KEY, label_nb VARCHAR, label_en VARCHAR, sort INTEGER,
    description_nb VARCHAR, description_en VARCHAR
);
CREATE TABLE dim_residence (
    code VARCHAR PRIMARY KEY, label_nb VARCHAR, label_en VARCHAR, sort INTEGER,
    description_nb VARCHAR, description_en VARCHAR
);
CREATE TABLE dim_age_group (
    code VARCHAR PRIMARY KEY, label_nb VARCHAR, label_en VARCHAR, sort INTEGER,
    parts VARCHAR,  -- the age groups this one is the sum of (space-separated), if any
    description_nb VARCHAR, description_en VARCHAR
);
CREATE TABLE dim_sex (
    code VARCHAR PRIMARY KEY, label_nb VARCHAR, label_en VARCHAR, sort INTEGER,
    description_nb VARCHAR, description_en VARCHAR
);
CREATE TABLE dim_offence_group (
    code VARCHAR PRIMARY KEY, label_nb VARCHAR, label_en VARCHAR, sort INTEGER,
    parent VARCHAR, description_nb VARCHAR, description_en VARCHAR
);
CREATE TABLE dim_category (
    code VARCHAR PRIMARY KEY, label_nb VARCHAR, label_en VARCHAR, sort INTEGER,
    description_nb VARCHAR, description_en VARCHAR
);
CREATE TABLE dim_status (
    code VARCHAR PRIMARY KEY, label_nb VARCHAR, label_en VARCHAR, sort INTEGER,
    description_nb VARCHAR, description_en VARCHAR
);
-- Families of sources by data-file prefix: the short "where from" a reader sees.
CREATE TABLE dim_source_family (
    prefix VARCHAR PRIMARY KEY, label_nb VARCHAR NOT NULL, label_en VARCHAR NOT NULL,
    sort INTEGER NOT NULL
);
-- Named groups of kommuner that compare themselves with each other (ASSS), one row per
-- member (data/vocab/peer_groups.csv).
CREATE TABLE dim_peer_group (
    peer_group VARCHAR NOT NULL, label_nb VARCHAR NOT NULL, label_en VARCHAR NOT NULL,
    member VARCHAR NOT NULL REFERENCES dim_municipality (code),
    valid_from INTEGER, source_url VARCHAR, sort INTEGER NOT NULL,
    PRIMARY KEY (peer_group, member)
);
-- Dated happenings marked on time axes (data/vocab/events.csv); `breaks`: the fact
-- columns whose codes mean another thing after the event (space-separated).
CREATE TABLE dim_event (
    date VARCHAR PRIMARY KEY, label_nb VARCHAR NOT NULL, label_en VARCHAR NOT NULL,
    breaks VARCHAR, description_nb VARCHAR, description_en VARCHAR, sort INTEGER NOT NULL
);
CREATE TABLE dim_source (
    source_id VARCHAR PRIMARY KEY,
    file VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    publisher VARCHAR NOT NULL,
    publication VARCHAR NOT NULL,
    published VARCHAR NOT NULL,
    published_date DATE NOT NULL,
    published_precision VARCHAR NOT NULL CHECK (published_precision IN ('day', 'month', 'year')),
    section VARCHAR NOT NULL,
    page VARCHAR,
    unit VARCHAR NOT NULL,
    counts VARCHAR NOT NULL,
    definitions VARCHAR,
    notes VARCHAR,
    licence VARCHAR NOT NULL,
    licence_url VARCHAR,
    source_url VARCHAR,
    accessed VARCHAR,
    family_nb VARCHAR NOT NULL, family_en VARCHAR NOT NULL
);
CREATE TABLE fact (
    source_id VARCHAR NOT NULL REFERENCES dim_source (source_id),
    line INTEGER NOT NULL,
    year INTEGER NOT NULL,
    period VARCHAR NOT NULL,
    municipality VARCHAR NOT NULL REFERENCES dim_municipality (code),
    municipality_code VARCHAR,
    measure VARCHAR NOT NULL REFERENCES dim_measure (code),
    place_role VARCHAR NOT NULL REFERENCES dim_place_role (code),
    residence VARCHAR NOT NULL REFERENCES dim_residence (code),
    age_group VARCHAR NOT NULL REFERENCES dim_age_group (code),
    sex VARCHAR NOT NULL REFERENCES dim_sex (code),
    offence_group VARCHAR NOT NULL REFERENCES dim_offence_group (code),
    offence_subgroup VARCHAR NOT NULL REFERENCES dim_offence_group (code),
    category VARCHAR NOT NULL REFERENCES dim_category (code),
    value DOUBLE,
    status VARCHAR REFERENCES dim_status (code),
    section VARCHAR,
    quote VARCHAR,
    note VARCHAR,
    page VARCHAR,
    CHECK ((value IS NULL) <> (status IS NULL)),
    UNIQUE (source_id, year, municipality, measure, place_role, residence,
            age_group, sex, offence_group, offence_subgroup, category)
);
-- Rates per 1 000 computed at build (dashboard/build/rates.py): a count over its
-- population, its exact 95 % interval, Norway's rate for the same period and the verdict.
CREATE TABLE rate (
    source_id VARCHAR NOT NULL, municipality VARCHAR NOT NULL, year INTEGER NOT NULL,
    period VARCHAR NOT NULL, measure VARCHAR NOT NULL, place_role VARCHAR NOT NULL,
    residence VARCHAR NOT NULL, age_group VARCHAR NOT NULL, sex VARCHAR NOT NULL,
    offence_group VARCHAR NOT NULL, offence_subgroup VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    count DOUBLE, count_status VARCHAR,
    population DOUBLE, population_status VARCHAR, population_source_id VARCHAR,
    population_period VARCHAR,
    rate DOUBLE, status VARCHAR,
    lower DOUBLE, upper DOUBLE,
    benchmark DOUBLE, benchmark_kind VARCHAR, benchmark_source_id VARCHAR,
    verdict VARCHAR,
    CHECK ((rate IS NULL) <> (status IS NULL)),
    CHECK (verdict IS NULL OR verdict IN ('hoyere', 'lavere', 'ingen_sikker_forskjell')),
    PRIMARY KEY (municipality, year, measure, place_role, age_group, offence_group,
                 offence_subgroup)
);
CREATE TABLE build_info (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);

-- One row per published number with its provenance. Where several editions give the
-- same figure (same year and dimensions), `edition` numbers them newest first by
-- `published_date` (then the finer precision, then source_id), `editions` says how many
-- there are, and `preferred` (edition 1) is the one shown (docs/DATA.md: keep both, default
-- to the newer one).
CREATE VIEW v_facts AS
SELECT
    f.source_id, f.line, f.year, f.period, f.municipality, f.municipality_code, f.measure,
    f.place_role, f.residence, f.age_group, f.sex, f.offence_group, f.offence_subgroup,
    f.category, f.value, f.status,
    coalesce(f.section, s.section) AS section,
    f.quote, f.note,
    s.title AS table_title, s.publication, s.publisher, s.published, s.published_date,
    s.published_precision, s.licence, s.source_url, s.notes AS source_notes,
    coalesce(f.page, s.page) AS page,
    row_number() OVER newest_first AS edition,
    count(*) OVER same_number AS editions,
    row_number() OVER newest_first = 1 AS preferred
FROM fact f
JOIN dim_source s USING (source_id)
WINDOW
    same_number AS (
        PARTITION BY f.year, f.municipality, f.measure, f.place_role, f.residence,
                     f.age_group, f.sex, f.offence_group, f.offence_subgroup, f.category
    ),
    newest_first AS (
        same_number ORDER BY s.published_date DESC,
        CASE s.published_precision WHEN 'day' THEN 0 WHEN 'month' THEN 1 ELSE 2 END,
        f.source_id
    );

-- Every fact with bokmål and English labels, for the pages' queries.
CREATE VIEW v_facts_labelled AS
SELECT
    f.*,
    m.label_nb AS municipality_nb, m.label_en AS municipality_en, m.sort AS municipality_sort,
    m.kind AS area_kind,
    me.label_nb AS measure_nb, me.label_en AS measure_en, me.unit AS unit_kind,
    me.unit_nb, me.unit_en,
    pr.label_nb AS place_role_nb, pr.label_en AS place_role_en,
    r.label_nb AS residence_nb, r.label_en AS residence_en, r.sort AS residence_sort,
    a.label_nb AS age_group_nb, a.label_en AS age_group_en, a.sort AS age_group_sort,
    s.label_nb AS sex_nb, s.label_en AS sex_en, s.sort AS sex_sort,
    og.label_nb AS offence_group_nb, og.label_en AS offence_group_en, og.sort AS offence_group_sort,
    osg.label_nb AS offence_subgroup_nb, osg.label_en AS offence_subgroup_en,
    osg.sort AS offence_subgroup_sort,
    c.label_nb AS category_nb, c.label_en AS category_en, c.sort AS category_sort
FROM v_facts f
JOIN dim_municipality m ON m.code = f.municipality
JOIN dim_measure me ON me.code = f.measure
JOIN dim_place_role pr ON pr.code = f.place_role
JOIN dim_residence r ON r.code = f.residence
JOIN dim_age_group a ON a.code = f.age_group
JOIN dim_sex s ON s.code = f.sex
JOIN dim_offence_group og ON og.code = f.offence_group
JOIN dim_offence_group osg ON osg.code = f.offence_subgroup
JOIN dim_category c ON c.code = f.category;

-- The served warehouse is read-only, so the views are materialised once at build time
-- (materialise.sql): queries then read small tables instead of re-running the window.
