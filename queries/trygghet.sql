-- Trygghetsprogrammet (table F): the published stage counts (tp_saker: registrert,
-- samtale, takket_nei, ikke_svart, overfort, voksne_hatkrim) and the cases by offence
-- category (tp_saker_lovbrudd), as printed in the SLT reports. No stage is derived here.
-- $municipality: kommune code; $years: list of years.
SELECT *
FROM facts_labelled
WHERE preferred
  AND measure IN ('tp_saker', 'tp_saker_lovbrudd')
  AND municipality = $municipality
  AND list_contains($years, year)
ORDER BY measure, category_sort, offence_group_sort, year;
