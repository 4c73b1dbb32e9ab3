-- Young repeat offenders of a kommune, persons, each definition its own series: the
-- SaLTo report's four or more offences in the year (Oslo), the SLT report's four or
-- more police reports in the district (Bærum). The kommune's own figures only.
-- $municipality: kommune code; $til: the last year shown.
SELECT f.*,
       f.category || ':' || f.age_group || ':' || f.place_role AS series
FROM facts_labelled f
WHERE f.preferred
  AND f.municipality = $municipality
  AND f.measure = 'personer'
  AND f.category IN ('gjengangere_4pluss_forhold', 'gjentatt_4pluss')
  AND f.age_group IN ('10-17', 'under-18', 'ungdom')
  AND f.sex = 'alle'
  AND (f.residence = 'alle' OR f.residence = f.municipality)  -- residents of the kommune
  AND f.offence_group = 'alle' AND f.offence_subgroup = 'alle'
  AND f.year <= $til
ORDER BY f.category_sort, f.age_group_sort, f.year;
