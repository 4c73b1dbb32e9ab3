-- Trend of offences (forhold) by offence group and sub-group (tables G, H).
-- $municipality; $age_group: 10-17 | 18-22; $offence_group: 'alle' (every group and the
-- published total) or a group code (the group and its sub-groups); $fra, $til.
SELECT *
FROM facts_labelled
WHERE preferred
  AND measure = 'forhold'
  AND place_role = 'gjerningssted'
  AND municipality = $municipality
  AND age_group = $age_group
  AND sex = 'alle' AND residence = 'alle' AND category = 'alle'
  AND (
      ($offence_group = 'alle' AND offence_subgroup = 'alle')
      OR ($offence_group <> 'alle' AND offence_group = $offence_group)
  )
  AND year BETWEEN $fra AND $til
ORDER BY CASE WHEN offence_group = 'alle' THEN 999 ELSE offence_group_sort END,
         offence_subgroup_sort, year;
