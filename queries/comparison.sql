-- Reported offences per 1 000 inhabitants (two-year averages, by scene of crime) for a
-- kommune, its peers and Norway, as computed at build (table rate), with the count and
-- population behind each rate and their sources. One row per area and period.
-- $kommune: the kommune; $offence_group: alle or an SSB group; $fra, $til: years (the
-- period's last year).
WITH areas AS (
    SELECT $kommune AS municipality, 'kommune' AS role, 0 AS rank, NULL AS basis,
           NULL AS basis_year
    UNION ALL
    SELECT peer, 'sammenligning', rank, basis, basis_year FROM peer WHERE municipality = $kommune
    UNION ALL
    SELECT 'norge', 'land', 1000, NULL, NULL
)
SELECT
    r.year, r.period, r.municipality, f.municipality_code, r.measure, r.place_role,
    r.residence, r.age_group, r.sex, r.offence_group, r.offence_subgroup, r.category,
    r.count AS value, r.count_status AS status, f.note, f.publication, f.section,
    f.table_title, r.source_id,
    r.population, r.population_status, r.population_period,
    pop.publication AS population_publication,
    r.rate, r.status AS rate_status, r.lower, r.upper, r.benchmark, r.benchmark_kind,
    r.verdict,
    a.role, a.rank, a.basis, a.basis_year,
    m.label_nb AS municipality_nb, m.label_en AS municipality_en,
    og.label_nb AS offence_group_nb, og.label_en AS offence_group_en
FROM areas a
JOIN rate r ON r.municipality = a.municipality
JOIN facts f
  ON f.source_id = r.source_id AND f.year = r.year AND f.municipality = r.municipality
 AND f.measure = r.measure AND f.place_role = r.place_role AND f.age_group = r.age_group
 AND f.sex = r.sex AND f.residence = r.residence AND f.offence_group = r.offence_group
 AND f.offence_subgroup = r.offence_subgroup AND f.category = r.category
LEFT JOIN facts pop
  ON pop.source_id = r.population_source_id AND pop.municipality = r.municipality
 AND pop.year = r.year AND pop.measure = 'befolkning' AND pop.age_group = r.age_group
 AND pop.sex = 'alle' AND pop.place_role = 'alle' AND pop.residence = 'alle'
 AND pop.category = 'alle'
JOIN dim_municipality m ON m.code = r.municipality
JOIN dim_offence_group og ON og.code = r.offence_group
WHERE r.measure = 'anmeldte_lovbrudd_snitt'
  AND r.age_group = 'alle'
  AND r.offence_group = $offence_group
  AND r.offence_subgroup = 'alle'
  AND r.year BETWEEN $fra AND $til
ORDER BY a.rank, r.year
