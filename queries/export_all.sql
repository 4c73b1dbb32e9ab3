-- Every published number with readable labels and its provenance (slt-dashboard export,
-- /last-ned/alle-data.csv). $lang: 'nb' or 'en' for the label columns.
-- Every edition is a row: `edition` 1 is the newest (by `published` date) and the one
-- shown (`preferred`); `editions` says how many publications give this number.
SELECT
    year, period,
    municipality, CASE WHEN $lang = 'en' THEN municipality_en ELSE municipality_nb END AS municipality_label,
    municipality_code,
    measure, CASE WHEN $lang = 'en' THEN measure_en ELSE measure_nb END AS measure_label,
    CASE WHEN $lang = 'en' THEN unit_en ELSE unit_nb END AS unit,
    place_role, CASE WHEN $lang = 'en' THEN place_role_en ELSE place_role_nb END AS place_role_label,
    residence, CASE WHEN $lang = 'en' THEN residence_en ELSE residence_nb END AS residence_label,
    age_group, CASE WHEN $lang = 'en' THEN age_group_en ELSE age_group_nb END AS age_group_label,
    sex, CASE WHEN $lang = 'en' THEN sex_en ELSE sex_nb END AS sex_label,
    offence_group,
    CASE WHEN $lang = 'en' THEN offence_group_en ELSE offence_group_nb END AS offence_group_label,
    offence_subgroup,
    CASE WHEN $lang = 'en' THEN offence_subgroup_en ELSE offence_subgroup_nb END AS offence_subgroup_label,
    category, CASE WHEN $lang = 'en' THEN category_en ELSE category_nb END AS category_label,
    value, status, note,
    publication, published, section, page, table_title, quote, licence, source_url,
    edition, editions, preferred, source_id
FROM facts_labelled
ORDER BY source_id, line;
