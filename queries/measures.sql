-- The vocabulary readers need to interpret a number: measures (what is counted, unit),
-- place roles (scene of crime vs residence), SSB status symbols, and municipality
-- numbers with the years they were in force. One dimension per call.
-- $dimension: measure | place_role | status | municipality_code.
SELECT 'measure' AS dimension, code, label_nb, label_en, unit AS unit_kind, unit_nb, unit_en,
       description_nb, description_en, NULL::INTEGER AS sort
FROM dim_measure
WHERE $dimension = 'measure'
UNION ALL BY NAME
SELECT 'place_role' AS dimension, code, label_nb, label_en, description_nb, description_en, sort
FROM dim_place_role
WHERE $dimension = 'place_role'
UNION ALL BY NAME
SELECT 'status' AS dimension, code, label_nb, label_en, description_nb, description_en, sort
FROM dim_status
WHERE $dimension = 'status'
UNION ALL BY NAME
SELECT 'municipality_code' AS dimension, c.code, m.label_nb, m.label_en,
       c.municipality, c.valid_from, c.valid_to, c.territory_note, m.sort
FROM dim_municipality_code c
JOIN dim_municipality m ON m.code = c.municipality
WHERE $dimension = 'municipality_code'
ORDER BY sort NULLS LAST, valid_from NULLS FIRST, code;
