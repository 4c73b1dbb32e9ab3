-- The kommune's young population on 1 January by age group (SSB 07459): the people the
-- youth-crime figures of the page are about, and the denominators of computed rates.
-- $municipality: kommune code; $fra, $til: years.
SELECT *
FROM facts_labelled
WHERE preferred
  AND measure = 'befolkning'
  AND municipality = $municipality
  AND age_group IN ('10-14', '10-17', '15-17')
  AND sex = 'alle' AND residence = 'alle' AND category = 'alle'
  AND year BETWEEN $fra AND $til
ORDER BY age_group_sort, year;
