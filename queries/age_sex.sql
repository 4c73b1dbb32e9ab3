-- Young suspects by age group (10-14, 15-17) and sex (jenter, gutter), year by year:
-- reports by scene of crime (table A), reports by residence (table B), persons by scene of
-- crime (table I). Only the four age x sex cells: these tables print no total.
-- $municipalities, $measures (anmeldelser, personer), $place_roles (gjerningssted, bosted):
-- lists of codes; $fra, $til: years.
SELECT *
FROM facts_labelled
WHERE preferred
  AND list_contains($municipalities, municipality)
  AND list_contains($measures, measure)
  AND list_contains($place_roles, place_role)
  AND age_group IN ('10-14', '15-17')
  AND sex IN ('jenter', 'gutter')
  -- by residence (bosted) the rows count the kommune's own residents: residence = the kommune
  AND (residence = 'alle' OR (place_role = 'bosted' AND residence = municipality))
  AND offence_group = 'alle' AND offence_subgroup = 'alle' AND category = 'alle'
  AND year BETWEEN $fra AND $til
ORDER BY municipality_sort, measure, place_role DESC, age_group_sort, sex_sort, year;
