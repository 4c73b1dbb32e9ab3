-- What each area has: the families of the sources with figures for it (e.g. "SSB-tall",
-- "SLT-rapportene"), in their sort order, for the kommune list ("Lillestrøm: SSB-tall").
SELECT f.municipality, s.family_nb, s.family_en, count(*) AS figures
FROM facts f
JOIN dim_source s USING (source_id)
WHERE f.preferred
GROUP BY ALL
ORDER BY f.municipality, min(s.published_date)
