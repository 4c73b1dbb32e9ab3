-- Which kommuner have a breakdown by residence (table C), for saying what exists when a
-- choice has none: kommune, year and publication of each preferred row, in the order of
-- residence.sql. Read from the table the build makes (dashboard/build/materialise.sql):
-- three columns, not the 55 of facts_labelled (at national scale the whole rows were most
-- of a worker's memory).
-- Every area; the caller lists kommuner in their own order. $measures: list (personer,
-- anmeldelser).
SELECT
    municipality,
    year,
    publication
FROM residence_available
WHERE list_contains($measures, measure)
ORDER BY municipality_sort, measure DESC,
         CASE WHEN is_total THEN 99 ELSE residence_sort END,
         year, published DESC;
