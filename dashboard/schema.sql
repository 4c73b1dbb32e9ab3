-- The statistics warehouse: dimensions, sources and one fact per published number.
-- Built by dashboard/warehouse.py from data/*.csv; served read-only.

CREATE TABLE dim_municipality (
    code VARCHAR PRIMARY KEY, label_nb VARCHAR NOT NULL, label_en VARCHAR NOT NULL,
    sort INTEGER, description_nb VARCHAR, description_en VARCHAR
);
CREATE TABLE dim_municipality_code (
    municipality VARCHAR NOT NULL REFERENCES dim_municipality (code),
    code VARCHAR NOT NULL, valid_from INTEGER, valid_to INTEGER, territory_note VARCHAR
);
CREATE TABLE dim_measure (
    code VARCHAR PRIMARY KEY, label_nb VARCHAR NOT NULL, label_en VARCHAR NOT NULL,
    unit VARCHAR NOT NULL, unit_nb VARCHAR, unit_en VARCHAR,
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
CREATE TABLE dim_source (
    source_id VARCHAR PRIMARY KEY,
    file VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    publisher VARCHAR NOT NULL,
    publication VARCHAR NOT NULL,
    published VARCHAR NOT NULL,
    section VARCHAR NOT NULL,
    page VARCHAR,
    unit VARCHAR NOT NULL,
    counts VARCHAR NOT NULL,
    definitions VARCHAR,
    notes VARCHAR,
    licence VARCHAR NOT NULL,
    licence_url VARCHAR,
    source_url VARCHAR,
    accessed VARCHAR
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
    CHECK ((value IS NULL) <> (status IS NULL)),
    UNIQUE (source_id, year, period, municipality, measure, place_role, residence,
            age_group, sex, offence_group, offence_subgroup, category)
);
CREATE TABLE build_info (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);

-- One row per published number with its provenance. `preferred` is true for the
-- newest edition where several publications give the same figure (DATA.md: keep both,
-- default to the newer one).
CREATE VIEW facts AS
SELECT
    f.source_id, f.line, f.year, f.period, f.municipality, f.municipality_code, f.measure,
    f.place_role, f.residence, f.age_group, f.sex, f.offence_group, f.offence_subgroup,
    f.category, f.value, f.status,
    coalesce(f.section, s.section) AS section,
    f.quote, f.note,
    s.title AS table_title, s.publication, s.publisher, s.published, s.licence, s.source_url,
    s.notes AS source_notes,
    row_number() OVER (
        PARTITION BY f.year, f.period, f.municipality, f.measure, f.place_role, f.residence,
                     f.age_group, f.sex, f.offence_group, f.offence_subgroup, f.category
        ORDER BY s.published DESC, f.source_id
    ) = 1 AS preferred
FROM fact f
JOIN dim_source s USING (source_id);
