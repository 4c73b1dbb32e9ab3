-- Earlier editions of the facts behind a chart (for an "Om tallene" panel): each number
-- that an older publication gave differently or restated, with the value shown today
-- (edition 1, the newest by `published` date) beside it. Empty when every number has one
-- edition. $municipalities, $measures: lists of codes; $fra, $til: years.
-- (sqlfluff cannot parse the join below, where the CTE is used: noqa ST03)
WITH chosen AS (  -- noqa: ST03
    SELECT *
    FROM facts_labelled
    WHERE editions > 1
      AND list_contains($municipalities, municipality)
      AND list_contains($measures, measure)
      AND year BETWEEN $fra AND $til
)
SELECT
    earlier.*,
    shown.value AS shown_value, shown.status AS shown_status,
    shown.publication AS shown_publication, shown.published AS shown_published,
    shown.source_id AS shown_source_id,
    earlier.value IS NOT DISTINCT FROM shown.value
        AND earlier.status IS NOT DISTINCT FROM shown.status AS same_as_shown
FROM chosen earlier
JOIN chosen shown
  ON shown.preferred
 AND shown.year = earlier.year AND shown.municipality = earlier.municipality
 AND shown.measure = earlier.measure AND shown.place_role = earlier.place_role
 AND shown.residence = earlier.residence AND shown.age_group = earlier.age_group
 AND shown.sex = earlier.sex AND shown.offence_group = earlier.offence_group
 AND shown.offence_subgroup = earlier.offence_subgroup AND shown.category = earlier.category
WHERE NOT earlier.preferred
ORDER BY earlier.municipality_sort, earlier.measure, earlier.year, earlier.age_group_sort,
         earlier.sex_sort, earlier.residence_sort, earlier.offence_group_sort,
         earlier.category_sort, earlier.edition;
