-- A kommune's published youth-crime series by place of offence (gjerningssted), from any
-- source, for a chart that works for every kommune: persons registered as suspects,
-- offences (forhold) and reports (anmeldelser) for the age groups 10-17 and under 18, the
-- published totals only (every residence, both sexes, all offences), plus the repeat
-- offenders by the SaLTo definition (four or more offences in the year). One row per
-- preferred fact; `series` names what is counted so lines never mix measures, ages or
-- definitions, and `source_family` says where each series comes from (SLT report, SaLTo
-- report quoted by the press, ...). The kommune's own figures only: police-district figures
-- are another area and never enter these series.
-- $municipality: kommune code; $fra, $til: years.
SELECT f.*,
       f.measure || ':' || f.age_group || ':' || f.category AS series,
       s.family_nb AS source_family_nb, s.family_en AS source_family_en
FROM facts_labelled f
JOIN dim_source s USING (source_id)
WHERE f.preferred
  AND f.municipality = $municipality
  AND f.measure IN ('personer', 'forhold', 'anmeldelser')
  AND f.place_role = 'gjerningssted'
  AND f.age_group IN ('10-17', 'under-18')
  AND f.residence = 'alle' AND f.sex = 'alle'
  AND f.offence_group = 'alle' AND f.offence_subgroup = 'alle'
  AND f.category IN ('alle', 'gjengangere_4pluss_forhold')
  AND f.year BETWEEN $fra AND $til
ORDER BY f.measure DESC, f.age_group_sort, f.category_sort, f.year;
