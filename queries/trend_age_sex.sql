-- Trend by age group and sex: reports or persons, by crime scene or residence (tables A, B, I).
-- $measure: anmeldelser | personer; $place_role: gjerningssted | bosted; $municipality;
-- $age_groups, $sexes: lists of codes; $fra, $til: years.
SELECT *
FROM facts_labelled
WHERE preferred
  AND measure = $measure
  AND place_role = $place_role
  AND municipality = $municipality
  AND list_contains($age_groups, age_group)
  AND list_contains($sexes, sex)
  -- by residence (bosted) the rows count the kommune's own residents: residence = the kommune
  AND (residence = 'alle' OR (place_role = 'bosted' AND residence = municipality))
  AND offence_group = 'alle' AND offence_subgroup = 'alle'
  AND category = 'alle'
  AND year BETWEEN $fra AND $til
ORDER BY age_group_sort, sex_sort, year;
