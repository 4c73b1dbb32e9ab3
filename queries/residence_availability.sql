-- Which kommuner have a breakdown by residence (table C), for saying what exists when a
-- choice has none: the kommune, year and publication of each preferred residence row, in
-- the order of residence.sql (every kommune, every year). Three columns, not the 55 of
-- facts_labelled: at national scale the whole rows were most of a worker's memory.
-- $municipalities: list of kommune codes; $measures: list (personer, anmeldelser);
-- $fra, $til: years (as residence.sql).
WITH table_c AS (
    SELECT
        municipality,
        municipality_sort,
        measure,
        residence,
        residence_sort,
        year,
        preferred,
        published,
        publication
    FROM facts_labelled
    WHERE list_contains($municipalities, municipality)
      AND list_contains($measures, measure)
      AND place_role = 'gjerningssted'
      AND age_group = '10-17'
      AND sex = 'alle'
      AND offence_group = 'alle' AND offence_subgroup = 'alle' AND category = 'alle'
      AND year BETWEEN $fra AND $til
),

with_breakdown AS (
    SELECT DISTINCT municipality, measure
    FROM table_c
    WHERE residence <> 'alle'
)

SELECT
    table_c.municipality,
    table_c.year,
    table_c.publication
FROM table_c
INNER JOIN with_breakdown USING (municipality, measure)
WHERE table_c.preferred
ORDER BY table_c.municipality_sort, table_c.measure DESC,
         CASE WHEN table_c.residence = 'alle' THEN 99 ELSE table_c.residence_sort END,
         table_c.year, table_c.preferred DESC, table_c.published DESC;
