-- The overview's key figures of one kommune, every series at once, newest year first.
-- $specs: one struct per series {series, measure, place_role, residence, age_group, sex,
-- offence_group, category}; every dimension is given, 'alle' = the published total / not
-- broken down. $municipality; $til (latest year to consider).
WITH wanted AS (SELECT unnest($specs) AS spec)
SELECT
    wanted.spec.series,
    facts_labelled.*
FROM facts_labelled
INNER JOIN wanted
    ON
        facts_labelled.measure = wanted.spec.measure
        AND facts_labelled.place_role = wanted.spec.place_role
        -- residence 'alle' also finds a by-residence series of the kommune's own residents
        AND (
            facts_labelled.residence = wanted.spec.residence
            OR (
                wanted.spec.residence = 'alle'
                AND facts_labelled.place_role = 'bosted'
                AND facts_labelled.residence = facts_labelled.municipality
            )
        )
        -- 'alle' also finds a series whose source counts only young people without
        -- stating the ages ('ungdom': the widest age group it gives)
        AND (
            facts_labelled.age_group = wanted.spec.age_group
            OR (wanted.spec.age_group = 'alle' AND facts_labelled.age_group = 'ungdom')
        )
        AND facts_labelled.sex = wanted.spec.sex
        AND facts_labelled.offence_group = wanted.spec.offence_group
        AND facts_labelled.category = wanted.spec.category
WHERE
    facts_labelled.preferred
    AND facts_labelled.municipality = $municipality
    AND facts_labelled.offence_subgroup = 'alle'
    AND facts_labelled.year <= $til
ORDER BY wanted.spec.series, facts_labelled.year DESC;
