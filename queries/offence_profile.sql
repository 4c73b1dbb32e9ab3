-- What kind of offences are reported in a kommune (by scene of crime), per 1 000
-- inhabitants, group by group beside Norway: the rates computed at build (table rate),
-- with the count and population behind each and their sources.
-- $kommune: the kommune; $fra, $til: years (the two-year period's last year).
SELECT
    r.year, r.period, r.municipality, f.municipality_code, r.measure, r.place_role,
    r.residence, r.age_group, r.sex, r.offence_group, r.offence_subgroup, r.category,
    r.count AS value, r.count_status AS status, f.note, f.publication, f.section,
    f.table_title, r.source_id,
    r.population, r.population_status, r.population_period,
    r.rate, r.status AS rate_status, r.lower, r.upper, r.benchmark, r.verdict,
    CASE WHEN r.municipality = 'norge' THEN 'land' ELSE 'kommune' END AS role,
    m.label_nb AS municipality_nb, m.label_en AS municipality_en,
    og.label_nb AS offence_group_nb, og.label_en AS offence_group_en,
    og.sort AS offence_group_sort
FROM rate r
JOIN facts f
  ON f.source_id = r.source_id AND f.year = r.year AND f.municipality = r.municipality
 AND f.measure = r.measure AND f.place_role = r.place_role AND f.age_group = r.age_group
 AND f.sex = r.sex AND f.residence = r.residence AND f.offence_group = r.offence_group
 AND f.offence_subgroup = r.offence_subgroup AND f.category = r.category
JOIN dim_municipality m ON m.code = r.municipality
JOIN dim_offence_group og ON og.code = r.offence_group
WHERE r.measure = 'anmeldte_lovbrudd_snitt'
  AND r.age_group = 'alle'
  AND r.offence_subgroup = 'alle'
  AND r.municipality IN ($kommune, 'norge')
  AND r.year BETWEEN $fra AND $til
ORDER BY og.sort, r.municipality = 'norge', r.year
