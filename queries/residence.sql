-- Where the suspects of offences committed in a kommune live (table C of the 2020 report):
-- persons and/or reports, 10-17 years, scene of crime in the kommune, one row per residence
-- and the published total (residence = 'alle', the printed "Totalsum"; never a sum).
-- Every edition is returned with its `preferred` flag: the charts draw the preferred
-- (newest) figure and mention an older edition that printed another number.
-- $municipalities: list of kommune codes; $measures: list (personer, anmeldelser);
-- $fra, $til: years.
WITH table_c AS (
    SELECT *
    FROM residence_table  -- table C's rows (dashboard/build/materialise.sql)
    WHERE list_contains($municipalities, municipality)
      AND list_contains($measures, measure)
      AND year BETWEEN $fra AND $til
),

-- Only kommuner and measures that have a breakdown by residence: a lone published total
-- (e.g. persons 10-17 quoted in a report's prose) is not table C.
with_breakdown AS (
    SELECT DISTINCT municipality, measure
    FROM table_c
    WHERE residence <> 'alle'
)

SELECT table_c.*
FROM table_c
JOIN with_breakdown USING (municipality, measure)
ORDER BY municipality_sort, measure DESC,
         CASE WHEN residence = 'alle' THEN 99 ELSE residence_sort END,
         year, preferred DESC, published DESC;
