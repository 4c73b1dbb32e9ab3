-- Trygghetsprogrammet (table F): the published stage counts (tp_saker: registrert,
-- overfort; tp_personer: samtale, takket_nei, ikke_svart, voksne_hatkrim) and the cases
-- by offence category (tp_saker_lovbrudd), as printed in the SLT reports. No stage is
-- derived here. The stage counts are for the police's enhet Vest (Asker, Bærum and
-- Majorstua): a kommune's view gets the figures of every area that covers it wholly
-- (dim_area_member), each row saying which area it is for (`municipality`,
-- `area_kind`, `area_description_nb/en`) and `via_area` = TRUE when it is not the
-- kommune's own figure. $municipality: kommune code; $years: list of years.
WITH areas AS (
    SELECT $municipality AS area
    UNION
    SELECT area FROM dim_area_member WHERE member = $municipality AND whole
)
SELECT f.*,
       f.municipality <> $municipality AS via_area,
       d.description_nb AS area_description_nb, d.description_en AS area_description_en
FROM facts_labelled f
JOIN areas a ON a.area = f.municipality
JOIN dim_municipality d ON d.code = f.municipality
WHERE f.preferred
  AND f.measure IN ('tp_saker', 'tp_personer', 'tp_saker_lovbrudd')
  AND list_contains($years, f.year)
ORDER BY f.measure, f.category_sort, f.offence_group_sort, f.year;
