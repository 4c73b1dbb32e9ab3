-- What the site holds in all, for the schema.org Dataset in every page's head: the span of
-- years, and which measures and areas have figures (the numbers shown: edition 1).
SELECT
    min(year) AS first_year,
    max(year) AS last_year,
    list(DISTINCT measure ORDER BY measure) AS measures,
    list(DISTINCT municipality ORDER BY municipality) AS areas,
    count(*) AS facts
FROM facts
WHERE preferred;
