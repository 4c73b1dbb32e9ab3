-- The code lists of the facts' dimensions, as the warehouse holds them (the API's
-- /api/v1/kodelister): one row per code, with bokmål and English labels and descriptions,
-- the order to show them in, and what some lists add (an area's kind, a measure's unit,
-- an offence group's parent). `list` names the API parameter that takes the codes.
-- Periods (as printed: `2020`, `2019-2020`, `1.1.2020`) and sources are read from the facts
-- and the source tables, so a new edition's codes appear without a code change.
SELECT 'kommune' AS list, code, label_nb, label_en, description_nb, description_en, sort,
       kind, NULL AS unit, NULL AS unit_nb, NULL AS unit_en, NULL AS parent
FROM dim_municipality
UNION ALL
SELECT 'maal', code, label_nb, label_en, description_nb, description_en, sort,
       NULL, unit, unit_nb, unit_en, NULL
FROM dim_measure
UNION ALL
SELECT 'sted', code, label_nb, label_en, description_nb, description_en, sort,
       NULL, NULL, NULL, NULL, NULL
FROM dim_place_role
UNION ALL
SELECT 'bosted', code, label_nb, label_en, description_nb, description_en, sort,
       NULL, NULL, NULL, NULL, NULL
FROM dim_residence
UNION ALL
SELECT 'alder', code, label_nb, label_en, description_nb, description_en, sort,
       NULL, NULL, NULL, NULL, NULL
FROM dim_age_group
UNION ALL
SELECT 'kjonn', code, label_nb, label_en, description_nb, description_en, sort,
       NULL, NULL, NULL, NULL, NULL
FROM dim_sex
UNION ALL
SELECT 'lovbrudd', code, label_nb, label_en, description_nb, description_en, sort,
       NULL, NULL, NULL, NULL, parent
FROM dim_offence_group
UNION ALL
SELECT 'kategori', code, label_nb, label_en, description_nb, description_en, sort,
       NULL, NULL, NULL, NULL, NULL
FROM dim_category
UNION ALL
SELECT 'status', code, label_nb, label_en, description_nb, description_en, sort,
       NULL, NULL, NULL, NULL, NULL
FROM dim_status
UNION ALL
SELECT DISTINCT 'periode', period, period, period, NULL, NULL, NULL,
       NULL, NULL, NULL, NULL, NULL
FROM fact
UNION ALL
SELECT 'kilde', source_id, title, title, publication, publication, NULL,
       NULL, NULL, NULL, NULL, NULL
FROM dim_source
ORDER BY list, sort NULLS LAST, code;
