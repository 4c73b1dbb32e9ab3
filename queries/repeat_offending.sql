-- Repeat offending (table D, SLT report 2020): young residents with four or more reports in
-- the police district, their reports, and how many of them / their reports were in the
-- own kommune. $municipality; $fra, $til.
SELECT *
FROM facts_labelled
WHERE preferred
  AND municipality = $municipality
  AND category IN ('gjentatt_4pluss', 'gjentatt_4pluss_egen_kommune')
  AND year BETWEEN $fra AND $til
ORDER BY year, measure DESC, category_sort;
