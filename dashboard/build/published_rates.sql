-- Rates as published (e.g. SSB's Norway per 1 000, two-year average 2016-2017), keyed by
-- the count measure they are a rate of (data/vocab/measures.csv rate_of): the benchmark
-- where the build cannot compute one (Norway's population on 1 January is not in the
-- warehouse for every year).
SELECT f.municipality, f.year, f.period, m.rate_of AS measure, f.place_role, f.age_group,
       f.offence_group, f.offence_subgroup, f.value AS rate, f.source_id
FROM facts f
JOIN dim_measure m ON m.code = f.measure AND m.rate_of IS NOT NULL
WHERE f.preferred AND f.value IS NOT NULL AND f.sex = 'alle' AND f.residence = 'alle'
  AND f.category = 'alle'
