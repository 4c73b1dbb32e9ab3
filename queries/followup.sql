-- The police prevention section's follow-up of young people (table E): concern talks
-- (bekymringssamtaler) and young people under follow-up, the published total
-- (category 'alle') and by level (bekymring, risiko, tett_pa).
-- $municipality: kommune code; $years: list of years.
SELECT *
FROM facts_labelled
WHERE preferred
  AND measure IN ('bekymringssamtaler', 'ungdom_oppfolging')
  AND municipality = $municipality
  AND list_contains($years, year)
ORDER BY measure, category_sort, year;
