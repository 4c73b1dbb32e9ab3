-- Which area has which measure for which years: one row per measure x municipality that
-- has at least one preferred fact (a published number or a missing-cell symbol).
-- Pairs without a row have no figures at all.
SELECT
    measure, measure_nb, measure_en,
    municipality, municipality_nb, municipality_en, municipality_sort,
    list(DISTINCT year ORDER BY year) AS years,
    count(*) AS facts,
    count(*) FILTER (WHERE status IS NOT NULL) AS missing
FROM facts_labelled
WHERE preferred
GROUP BY ALL
ORDER BY measure, municipality_sort;
