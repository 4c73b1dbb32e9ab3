-- What each kommune has, for the kommune selector ("SSB-tall og SaLTo-rapporten"): how many
-- series (one measure broken down one way: every dimension but year) exist for the kommune
-- itself, how many facts and which years, and from which families of sources; plus the
-- series of larger areas that cover it wholly (e.g. enhet Vest for Asker and Bærum), kept
-- apart. Preferred facts only (earlier editions are not extra series). One row per kommune.
-- $lang: 'nb' or 'en' for the source family names.
WITH own AS (
    SELECT f.municipality AS kommune, f.*,
           CASE WHEN $lang = 'en' THEN s.family_en ELSE s.family_nb END AS family
    FROM facts f
    JOIN dim_source s USING (source_id)
    WHERE f.preferred
),
via_area AS (
    SELECT m.member AS kommune, f.*,
           CASE WHEN $lang = 'en' THEN s.family_en ELSE s.family_nb END AS family
    FROM facts f
    JOIN dim_area_member m ON m.area = f.municipality AND m.whole
    JOIN dim_source s USING (source_id)
    WHERE f.preferred
),
series_of AS (
    SELECT kommune,
           count(DISTINCT (measure, place_role, residence, age_group, sex, offence_group,
                           offence_subgroup, category)) AS series,
           count(*) AS facts,
           min(year) AS first_year, max(year) AS last_year,
           list(DISTINCT family ORDER BY family) AS families
    FROM own
    GROUP BY kommune
),
area_series AS (
    SELECT kommune,
           count(DISTINCT (municipality, measure, place_role, residence, age_group, sex,
                           offence_group, offence_subgroup, category)) AS area_series,
           list(DISTINCT municipality ORDER BY municipality) AS areas
    FROM via_area
    GROUP BY kommune
)
SELECT d.code AS kommune,
       CASE WHEN $lang = 'en' THEN d.label_en ELSE d.label_nb END AS kommune_label,
       coalesce(s.series, 0) AS series, coalesce(s.facts, 0) AS facts,
       s.first_year, s.last_year,
       coalesce(s.families, []) AS families,
       CASE
           WHEN len(coalesce(s.families, [])) < 2 THEN coalesce(s.families[1], '')
           ELSE array_to_string(s.families[1:len(s.families) - 1], ', ')
                || CASE WHEN $lang = 'en' THEN ' and ' ELSE ' og ' END
                || s.families[len(s.families)]
       END AS families_text,
       coalesce(a.area_series, 0) AS area_series,
       coalesce(a.areas, []) AS areas
FROM dim_municipality d
LEFT JOIN series_of s ON s.kommune = d.code
LEFT JOIN area_series a ON a.kommune = d.code
WHERE d.kind = 'kommune'
ORDER BY d.sort;
