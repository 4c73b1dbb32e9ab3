-- Concerns about radicalisation and violent extremism (table J): the number received by
-- Oslo politidistrikt, the shares linked to a kommune and by ideology, and the share
-- from the justice sector. Cells printed as '-' keep their status (no value).
-- $municipalities: list of codes (a kommune and 'oslo-pd'); $years: list of years.
SELECT *
FROM facts_labelled
WHERE preferred
  AND measure IN ('ekstremisme_bekymringer', 'ekstremisme_andel')
  AND list_contains($municipalities, municipality)
  AND list_contains($years, year)
ORDER BY measure DESC, category_sort, year;
