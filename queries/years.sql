-- The years each area has figures for, per measure: the defaults and options of every year
-- control come from here, so an imported year shows up without a code change.
-- A second row per measure, named '<measure>@bosted', counts only facts broken down by the
-- suspects' residence (table C), which the residence charts need.
SELECT measure AS what, municipality, list(DISTINCT year ORDER BY year) AS years
FROM facts_labelled
WHERE preferred
GROUP BY ALL
UNION ALL
SELECT measure || '@bosted' AS what, municipality, list(DISTINCT year ORDER BY year) AS years
FROM facts_labelled
WHERE preferred AND residence <> 'alle'
GROUP BY ALL
ORDER BY what, municipality;
