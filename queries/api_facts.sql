-- The facts the open-data API returns (/api/v1/fakta, .csv, .jsonstat): the export's columns
-- (export_all.sql with codes), filtered and paged, plus the publisher and how many facts
-- match in all (`matching`, for paging). An empty list means "any"; NULL years mean no bound.
-- $lang: 'nb' or 'en' (unit); $kommune, $maal, $periode, $alder, $kjonn, $lovbrudd, $sted,
-- $kilde: lists of codes; $aar: list of years; $fra, $til: years or NULL;
-- $alle_utgaver: TRUE for every edition, FALSE for the one shown (edition 1);
-- $limit, $offset: the page (LIMIT NULL: every row).
WITH chosen AS (
    SELECT *
    FROM facts_labelled
    WHERE (len($kommune) = 0 OR list_contains($kommune, municipality))
      AND (len($maal) = 0 OR list_contains($maal, measure))
      AND (len($aar) = 0 OR list_contains($aar, year))
      AND ($fra IS NULL OR year >= $fra)
      AND ($til IS NULL OR year <= $til)
      AND (len($periode) = 0 OR list_contains($periode, period))
      AND (len($alder) = 0 OR list_contains($alder, age_group))
      AND (len($kjonn) = 0 OR list_contains($kjonn, sex))
      AND (len($lovbrudd) = 0 OR list_contains($lovbrudd, offence_group)
           OR list_contains($lovbrudd, offence_subgroup))
      AND (len($sted) = 0 OR list_contains($sted, place_role))
      AND (len($kilde) = 0 OR list_contains($kilde, source_id))
      AND ($alle_utgaver OR preferred)
)
SELECT
    year, period, municipality, municipality_code, measure,
    CASE WHEN $lang = 'en' THEN unit_en ELSE unit_nb END AS unit,
    place_role, residence, age_group, sex, offence_group, offence_subgroup, category,
    value, status, note,
    publication, published, section, page, table_title, quote, licence, source_url,
    edition, editions, preferred, source_id,
    publisher,
    count(*) OVER () AS matching
FROM chosen
ORDER BY source_id, line
LIMIT $limit OFFSET $offset;
