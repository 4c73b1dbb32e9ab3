-- What changed (the `changes` table materialise.sql builds), newest first, with labels in
-- $lang ('nb' or 'en') and both sources of a changed number: for the Atom feed and the
-- page "Hva er nytt". $kommune: a list of area codes (empty: every area); an area that
-- covers a chosen kommune wholly (e.g. enhet Vest for Bærum) counts as that kommune's.
WITH wanted AS (
    SELECT c.*
    FROM changes c
    WHERE len($kommune) = 0
       OR list_contains($kommune, c.municipality)
       OR EXISTS (
           SELECT 1 FROM dim_area_member m
           WHERE m.area = c.municipality AND m.whole AND list_contains($kommune, m.member)
       )
)
SELECT
    w.event, w.kind, w.source_id, w.municipality, w.measure, w.years, w.year, w.period,
    w.old_value, w.old_status, w.new_value, w.new_status, w.old_source_id,
    w.published, w.published_date, w.published_precision,
    CASE WHEN $lang = 'en' THEN a.label_en ELSE a.label_nb END AS area_label,
    CASE WHEN $lang = 'en' THEN me.label_en ELSE me.label_nb END AS measure_label,
    s.title, s.publication, s.publisher, s.section,
    o.publication AS old_publication, o.published AS old_published, o.title AS old_title,
    -- the number's other dimensions, named, where they narrow it down (not "alle")
    list_filter([
        CASE WHEN w.place_role <> 'alle' THEN CASE WHEN $lang = 'en' THEN pr.label_en ELSE pr.label_nb END END,
        CASE WHEN w.residence <> 'alle' THEN CASE WHEN $lang = 'en' THEN r.label_en ELSE r.label_nb END END,
        CASE WHEN w.age_group <> 'alle' THEN CASE WHEN $lang = 'en' THEN ag.label_en ELSE ag.label_nb END END,
        CASE WHEN w.sex <> 'alle' THEN CASE WHEN $lang = 'en' THEN sx.label_en ELSE sx.label_nb END END,
        CASE WHEN w.offence_group <> 'alle' THEN CASE WHEN $lang = 'en' THEN og.label_en ELSE og.label_nb END END,
        CASE WHEN w.offence_subgroup <> 'alle' THEN CASE WHEN $lang = 'en' THEN osg.label_en ELSE osg.label_nb END END,
        CASE WHEN w.category <> 'alle' THEN CASE WHEN $lang = 'en' THEN ca.label_en ELSE ca.label_nb END END
    -- DuckDB's lambda keyword is written in lower case (noqa CP01):
    ], lambda x: x IS NOT NULL) AS breakdown,  -- noqa: CP01
    a.sort AS area_sort
FROM wanted w
JOIN dim_source s ON s.source_id = w.source_id
JOIN dim_municipality a ON a.code = w.municipality
LEFT JOIN dim_measure me ON me.code = w.measure
LEFT JOIN dim_source o ON o.source_id = w.old_source_id
LEFT JOIN dim_place_role pr ON pr.code = w.place_role
LEFT JOIN dim_residence r ON r.code = w.residence
LEFT JOIN dim_age_group ag ON ag.code = w.age_group
LEFT JOIN dim_sex sx ON sx.code = w.sex
LEFT JOIN dim_offence_group og ON og.code = w.offence_group
LEFT JOIN dim_offence_group osg ON osg.code = w.offence_subgroup
LEFT JOIN dim_category ca ON ca.code = w.category
ORDER BY w.published_date DESC, w.source_id,
         CASE w.kind WHEN 'ny_kilde' THEN 0 WHEN 'nytt_aar' THEN 1 ELSE 2 END,
         a.sort, w.measure, w.year, w.event;
