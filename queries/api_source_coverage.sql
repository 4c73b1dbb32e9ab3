-- What each source table holds, for the API's sources and the DCAT catalogue: the areas,
-- measures and years of its facts (every edition: a source's own figures, whether shown
-- or restated later), with the areas' kinds so a catalogue can say which are kommuner.
SELECT
    f.source_id,
    list(DISTINCT f.municipality ORDER BY f.municipality) AS areas,
    list(DISTINCT m.kind ORDER BY m.kind) AS area_kinds,
    list(DISTINCT f.measure ORDER BY f.measure) AS measures,
    list(DISTINCT f.year ORDER BY f.year) AS years,
    count(*) FILTER (WHERE f.preferred) AS shown
FROM facts f
JOIN dim_municipality m ON m.code = f.municipality
GROUP BY f.source_id
ORDER BY f.source_id;
