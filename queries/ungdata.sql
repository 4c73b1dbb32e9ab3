-- Ungdata survey shares as the SLT reports print them (per cent of the pupils who
-- answered): response rates, drunkenness, violence, sexual abuse. One row per indicator,
-- school level, sex and year; the newest edition where two reports print the same figure.
-- $municipality: kommune code; $years: list of years.
SELECT *
FROM facts_labelled
WHERE preferred
  AND measure = 'ungdata_andel'
  AND municipality = $municipality
  AND list_contains($years, year)
ORDER BY category_sort, age_group_sort, sex_sort, year;
