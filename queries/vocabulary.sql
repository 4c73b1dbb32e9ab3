-- Every code list of the warehouse, one row per list, its rows as JSON with the column
-- names of data/vocab/<list>.csv (dimensions.Vocabulary.from_tables reads both alike).
SELECT 'areas' AS list, to_json(list(t ORDER BY t.sort, t.code)) AS rows
FROM (SELECT code, label_nb, label_en, sort, kind, description_nb, description_en
      FROM dim_municipality) t
UNION ALL
SELECT 'area_codes', to_json(list(t ORDER BY t.sort))
FROM (SELECT municipality AS area, code, valid_from, valid_to,
             territory_note AS territory_note_nb, sort
      FROM dim_municipality_code) t
UNION ALL
SELECT 'area_members', to_json(list(t ORDER BY t.sort))
FROM (SELECT area, member, whole, part_nb, part_en, sort FROM dim_area_member) t
UNION ALL
SELECT 'measures', to_json(list(t ORDER BY t.sort))
FROM (SELECT code, label_nb, label_en, unit, unit_nb, unit_en, decimals, period,
             rate_base, rate_of, description_nb, description_en, sort
      FROM dim_measure) t
UNION ALL
SELECT 'place_roles', to_json(list(t ORDER BY t.sort, t.code))
FROM (SELECT code, label_nb, label_en, sort, description_nb, description_en
      FROM dim_place_role) t
UNION ALL
SELECT 'residences', to_json(list(t ORDER BY t.sort, t.code))
FROM (SELECT code, label_nb, label_en, sort, description_nb, description_en
      FROM dim_residence) t
UNION ALL
SELECT 'age_groups', to_json(list(t ORDER BY t.sort, t.code))
FROM (SELECT code, label_nb, label_en, sort, parts, description_nb, description_en
      FROM dim_age_group) t
UNION ALL
SELECT 'sexes', to_json(list(t ORDER BY t.sort, t.code))
FROM (SELECT code, label_nb, label_en, sort, description_nb, description_en FROM dim_sex) t
UNION ALL
SELECT 'offence_groups', to_json(list(t ORDER BY t.sort, t.code))
FROM (SELECT code, label_nb, label_en, sort, parent, description_nb, description_en
      FROM dim_offence_group) t
UNION ALL
SELECT 'categories', to_json(list(t ORDER BY t.sort, t.code))
FROM (SELECT code, label_nb, label_en, sort, description_nb, description_en
      FROM dim_category) t
UNION ALL
SELECT 'statuses', to_json(list(t ORDER BY t.sort, t.code))
FROM (SELECT code, label_nb, label_en, sort, description_nb, description_en
      FROM dim_status) t
UNION ALL
SELECT 'source_families', to_json(list(t ORDER BY t.sort))
FROM (SELECT prefix, label_nb, label_en, sort FROM dim_source_family) t
UNION ALL
SELECT 'peer_groups', to_json(list(t ORDER BY t.sort))
FROM (SELECT peer_group, label_nb, label_en, member, valid_from, source_url, sort
      FROM dim_peer_group) t
UNION ALL
SELECT 'events', to_json(list(t ORDER BY t.sort))
FROM (SELECT date, label_nb, label_en, breaks, description_nb, description_en, sort
      FROM dim_event) t
