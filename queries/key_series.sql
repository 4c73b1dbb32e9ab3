-- One series of preferred facts, newest year first (the overview's key figures).
-- Every dimension is given; 'alle' = the published total / not broken down.
-- $municipality, $measure, $place_role, $residence, $age_group, $sex, $offence_group,
-- $category, $til (latest year to consider).
SELECT *
FROM facts_labelled
WHERE preferred
  AND municipality = $municipality
  AND measure = $measure
  AND place_role = $place_role
  -- residence 'alle' also finds a by-residence series of the kommune's own residents
  AND (residence = $residence
       OR ($residence = 'alle' AND place_role = 'bosted' AND residence = municipality))
  -- 'alle' also finds a series whose source counts only young people without stating
  -- the ages ('ungdom': the widest age group it gives)
  AND (age_group = $age_group OR ($age_group = 'alle' AND age_group = 'ungdom'))
  AND sex = $sex
  AND offence_group = $offence_group
  AND offence_subgroup = 'alle'
  AND category = $category
  AND year <= $til
ORDER BY year DESC;
