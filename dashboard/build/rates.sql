-- Every count that can be expressed per 1 000 of its population, beside that population:
-- the count's measure names its population measure (data/vocab/measures.csv rate_base);
-- the population is the area's on 1 January of the count's year, for the same age group
-- (SSB's own convention: it reproduces SSB's published rates, e.g. Norway 2016-2017:
-- 316 407 offences a year / 5 258 317 on 1 January 2017 = 60.2). Only counts not broken
-- down by sex, residence or category, and only areas that have that population at all.
WITH counts AS (
    SELECT c.*, m.rate_base, m.period AS period_kind, a.kind AS area_kind
    FROM facts c
    JOIN dim_measure m ON m.code = c.measure AND m.rate_base IS NOT NULL
    JOIN dim_municipality a ON a.code = c.municipality
    WHERE c.preferred AND c.sex = 'alle' AND c.residence = 'alle' AND c.category = 'alle'
),
population AS (
    SELECT municipality, year, age_group, measure, value, status, source_id, period
    FROM facts
    WHERE preferred AND sex = 'alle' AND residence = 'alle' AND category = 'alle'
      AND place_role = 'alle'
)
SELECT
    c.source_id, c.municipality, c.year, c.period, c.measure, c.place_role, c.residence,
    c.age_group, c.sex, c.offence_group, c.offence_subgroup, c.category,
    c.value AS count, c.status AS count_status, c.period_kind, c.area_kind,
    p.value AS population, p.status AS population_status,
    p.source_id AS population_source_id, p.period AS population_period
FROM counts c
LEFT JOIN population p
    ON p.measure = c.rate_base AND p.municipality = c.municipality
   AND p.year = c.year AND p.age_group = c.age_group
WHERE EXISTS (
    SELECT 1 FROM population q
    WHERE q.measure = c.rate_base AND q.municipality = c.municipality
      AND q.age_group = c.age_group
)
ORDER BY c.municipality, c.measure, c.year
