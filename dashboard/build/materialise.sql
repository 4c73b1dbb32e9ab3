-- Run at the end of a build: freeze the views into tables for fast read-only serving.
CREATE TABLE facts AS SELECT * FROM v_facts;
CREATE TABLE facts_labelled AS SELECT * FROM v_facts_labelled;

-- Who each kommune is compared with (docs/DATA.md, "Peers"): the other members of its
-- peer group (data/vocab/peer_groups.csv, e.g. ASSS); a kommune in no group gets the five
-- kommuner whose population on 1 January of the kommune's own latest population year is
-- nearest to its own that year (the smallest difference in percent, i.e. of the logarithm;
-- ties by name). Its own year: a kommune whose figures end earlier still gets its peers.
CREATE TABLE peer AS
WITH population AS (
    SELECT f.municipality, f.value, f.year
    FROM facts f
    JOIN dim_municipality a ON a.code = f.municipality AND a.kind = 'kommune'
    WHERE f.preferred AND f.measure = 'befolkning' AND f.age_group = 'alle' AND f.value > 0
),
own_latest AS (
    SELECT municipality, max(year) AS year FROM population GROUP BY municipality
),
in_group AS (
    SELECT a.member AS municipality, b.member AS peer, a.peer_group AS basis,
           CAST(NULL AS INTEGER) AS basis_year,
           row_number() OVER (PARTITION BY a.member, a.peer_group ORDER BY b.sort) AS rank
    FROM dim_peer_group a
    JOIN dim_peer_group b ON a.peer_group = b.peer_group AND a.member <> b.member
),
nearest AS (
    SELECT p.municipality, q.municipality AS peer, 'befolkning' AS basis,
           p.year AS basis_year,
           row_number() OVER (PARTITION BY p.municipality
                              ORDER BY abs(ln(q.value / p.value)), q.municipality) AS rank
    FROM population p
    JOIN own_latest l ON l.municipality = p.municipality AND l.year = p.year
    JOIN population q ON q.year = p.year AND q.municipality <> p.municipality
)
SELECT * FROM in_group
UNION ALL
SELECT * FROM nearest
WHERE rank <= 5 AND municipality NOT IN (SELECT municipality FROM in_group);

-- What changed, edition by edition (the Atom feed /endringer.atom and the page "Hva er
-- nytt"), computed once at build time from the editions the warehouse keeps:
--   ny_kilde  a source table, once per area it has figures for (with those years);
--   nytt_aar  years of an area's measure that a source published first, where an earlier
--             source had already published other years of that series;
--   endret    a number an edition gave differently (value or symbol) from the edition
--             before it: the old and the new value, with both sources.
-- `event` is a stable key (the same data gives the same key in every build).
CREATE TABLE changes AS
WITH dated AS (
    SELECT f.*, s.published_date AS source_date, s.published_precision AS source_precision
    FROM facts f
    JOIN dim_source s USING (source_id)
),
new_source AS (
    SELECT 'ny_kilde' AS kind, source_id, municipality, NULL::VARCHAR AS measure,
           list(DISTINCT year ORDER BY year) AS years
    FROM dated
    GROUP BY source_id, municipality
),
first_seen AS (
    SELECT municipality, measure, year, min(source_date) AS first_date
    FROM dated
    GROUP BY ALL
),
series_start AS (
    SELECT municipality, measure, min(source_date) AS first_date
    FROM dated
    GROUP BY ALL
),
new_year AS (
    SELECT 'nytt_aar' AS kind, d.source_id, d.municipality, d.measure,
           list(DISTINCT d.year ORDER BY d.year) AS years
    FROM dated d
    JOIN first_seen fs
      ON fs.municipality = d.municipality AND fs.measure = d.measure AND fs.year = d.year
     AND fs.first_date = d.source_date
    JOIN series_start ss
      ON ss.municipality = d.municipality AND ss.measure = d.measure
     AND ss.first_date < d.source_date
    GROUP BY ALL
),
changed AS (
    SELECT 'endret' AS kind, new.source_id, new.municipality, new.measure,
           [new.year] AS years, new.year, new.period, new.place_role, new.residence,
           new.age_group, new.sex, new.offence_group, new.offence_subgroup, new.category,
           old.value AS old_value, old.status AS old_status, old.source_id AS old_source_id,
           new.value AS new_value, new.status AS new_status
    FROM facts new
    JOIN facts old
      ON old.edition = new.edition + 1
     AND old.year = new.year AND old.municipality = new.municipality
     AND old.measure = new.measure AND old.place_role = new.place_role
     AND old.residence = new.residence AND old.age_group = new.age_group
     AND old.sex = new.sex AND old.offence_group = new.offence_group
     AND old.offence_subgroup = new.offence_subgroup AND old.category = new.category
    WHERE old.value IS DISTINCT FROM new.value OR old.status IS DISTINCT FROM new.status
),
every_change AS (
    SELECT * FROM new_source
    UNION ALL BY NAME
    SELECT * FROM new_year
    UNION ALL BY NAME
    SELECT * FROM changed
)
SELECT
    substr(md5(concat_ws('|', c.kind, c.source_id, c.municipality, c.measure,
                         array_to_string(c.years, ','), c.place_role, c.residence,
                         c.age_group, c.sex, c.offence_group, c.offence_subgroup,
                         c.category)), 1, 16) AS event,
    c.*,
    s.published, s.published_date, s.published_precision
FROM every_change c
JOIN dim_source s USING (source_id);

-- Table C of the SLT report: suspects 10-17 by their residence, scene of crime in the
-- kommune, every offence (queries/residence.sql chooses kommuner, measures and years).
CREATE VIEW residence_table AS
SELECT *
FROM facts_labelled
WHERE place_role = 'gjerningssted'
  AND age_group = '10-17'
  AND sex = 'alle'
  AND offence_group = 'alle' AND offence_subgroup = 'alle' AND category = 'alle';

-- What exists by residence, for saying so when a choice has none: the preferred rows of
-- the kommuner and measures with a breakdown (a lone published total is not table C),
-- with only the columns that say it (queries/residence_availability.sql).
CREATE TABLE residence_available AS
SELECT
    t.municipality, t.measure, t.year, t.publication, t.published,
    t.municipality_sort, t.residence_sort, t.residence = 'alle' AS is_total
FROM residence_table t
WHERE t.preferred
  AND (t.municipality, t.measure) IN (
      SELECT (b.municipality, b.measure) FROM residence_table b WHERE b.residence <> 'alle'
  );
