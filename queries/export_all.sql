-- Every published number with readable labels and its provenance (slt-dashboard export).
-- $lang: 'nb' or 'en' for the label columns.
WITH labelled AS (
    SELECT
        f.*,
        CASE WHEN $lang = 'en' THEN m.label_en ELSE m.label_nb END AS municipality_label,
        CASE WHEN $lang = 'en' THEN me.label_en ELSE me.label_nb END AS measure_label,
        CASE WHEN $lang = 'en' THEN me.unit_en ELSE me.unit_nb END AS unit,
        CASE WHEN $lang = 'en' THEN pr.label_en ELSE pr.label_nb END AS place_role_label,
        CASE WHEN $lang = 'en' THEN r.label_en ELSE r.label_nb END AS residence_label,
        CASE WHEN $lang = 'en' THEN a.label_en ELSE a.label_nb END AS age_group_label,
        CASE WHEN $lang = 'en' THEN s.label_en ELSE s.label_nb END AS sex_label,
        CASE WHEN $lang = 'en' THEN og.label_en ELSE og.label_nb END AS offence_group_label,
        CASE WHEN $lang = 'en' THEN osg.label_en ELSE osg.label_nb END AS offence_subgroup_label,
        CASE WHEN $lang = 'en' THEN c.label_en ELSE c.label_nb END AS category_label,
        m.sort AS m_sort, me.code AS me_sort
    FROM facts f
    JOIN dim_municipality m ON m.code = f.municipality
    JOIN dim_measure me ON me.code = f.measure
    JOIN dim_place_role pr ON pr.code = f.place_role
    JOIN dim_residence r ON r.code = f.residence
    JOIN dim_age_group a ON a.code = f.age_group
    JOIN dim_sex s ON s.code = f.sex
    JOIN dim_offence_group og ON og.code = f.offence_group
    JOIN dim_offence_group osg ON osg.code = f.offence_subgroup
    JOIN dim_category c ON c.code = f.category
)
SELECT
    year, period,
    municipality, municipality_label, municipality_code,
    measure, measure_label, unit,
    place_role, place_role_label,
    residence, residence_label,
    age_group, age_group_label,
    sex, sex_label,
    offence_group, offence_group_label,
    offence_subgroup, offence_subgroup_label,
    category, category_label,
    value, status, note,
    publication, published, section, table_title, quote, licence, source_url,
    preferred, source_id
FROM labelled
ORDER BY source_id, line;
