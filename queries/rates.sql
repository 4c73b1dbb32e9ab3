-- Reported offences (SSB, two-year averages by scene of crime) for several municipalities,
-- with the per-1 000 rate computed against the population on 1 January of the period's
-- last year (the middle of a two-year period). Numerator and denominator are returned
-- with the rate so the page can show both. Norway's published SSB rate is returned as
-- its own rows (published_rate), never mixed with computed ones.
-- $municipalities: list of codes; $fra, $til: years (last year of the period).
WITH offences AS (
    SELECT *
    FROM facts_labelled
    WHERE preferred
      AND measure = 'anmeldte_lovbrudd_snitt'
      AND offence_group = 'alle'
      AND list_contains($municipalities, municipality)
      AND year BETWEEN $fra AND $til
),
population AS (
    SELECT municipality, year, value AS population, status AS population_status,
           municipality_code AS population_code, period AS population_period,
           publication AS population_publication, section AS population_section
    FROM facts
    WHERE preferred AND measure = 'befolkning' AND age_group = 'alle'
),
published AS (
    SELECT *
    FROM facts_labelled
    WHERE preferred
      AND measure = 'anmeldte_lovbrudd_per1000_snitt'
      AND offence_group = 'alle'
      AND list_contains($municipalities, municipality)
      AND year BETWEEN $fra AND $til
)
SELECT
    o.*,
    p.population, p.population_status, p.population_code, p.population_period,
    p.population_publication, p.population_section,
    CASE WHEN o.value IS NOT NULL AND p.population > 0
         THEN o.value / p.population * 1000 END AS rate,
    FALSE AS published_rate
FROM offences o
LEFT JOIN population p ON p.municipality = o.municipality AND p.year = o.year
UNION ALL BY NAME
SELECT
    pub.*,
    NULL AS population, NULL AS population_status, NULL AS population_code,
    NULL AS population_period, NULL AS population_publication, NULL AS population_section,
    pub.value AS rate,
    TRUE AS published_rate
FROM published pub
ORDER BY municipality_sort, year;
