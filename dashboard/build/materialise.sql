-- Run at the end of a build: freeze the views into tables for fast read-only serving.
CREATE TABLE facts AS SELECT * FROM v_facts;
CREATE TABLE facts_labelled AS SELECT * FROM v_facts_labelled;

-- Who each kommune is compared with (docs/DATA.md, "Peers"): the other members of its
-- peer group (data/vocab/peer_groups.csv, e.g. ASSS); a kommune in no group gets the five
-- kommuner whose population on 1 January of the latest year is nearest to its own (the
-- smallest difference in percent, i.e. of the logarithm; ties by name).
CREATE TABLE peer AS
WITH latest AS (
    SELECT max(year) AS year FROM facts
    WHERE preferred AND measure = 'befolkning' AND age_group = 'alle'
),
population AS (
    SELECT f.municipality, f.value, f.year
    FROM facts f
    JOIN dim_municipality a ON a.code = f.municipality AND a.kind = 'kommune'
    JOIN latest l ON f.year = l.year
    WHERE f.preferred AND f.measure = 'befolkning' AND f.age_group = 'alle' AND f.value > 0
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
    JOIN population q ON p.municipality <> q.municipality
)
SELECT * FROM in_group
UNION ALL
SELECT * FROM nearest
WHERE rank <= 5 AND municipality NOT IN (SELECT municipality FROM in_group);
