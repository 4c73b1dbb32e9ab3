-- Which kommuner each larger area covers (wholly or in part), for the catalogue's spatial
-- coverage: a police district's figures cover its kommuner.
SELECT area, list(member ORDER BY member) AS members
FROM dim_area_member
GROUP BY area
ORDER BY area;
