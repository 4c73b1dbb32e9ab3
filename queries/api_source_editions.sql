-- Sources that give the same numbers (editions of one another): for each source, every
-- other source with at least one number in common (same year and dimensions), how many
-- they share and how many of those differ (value or symbol), and whether the other one is
-- the newer edition (the one shown where they meet). One row per ordered pair.
WITH pairs AS (
    SELECT
        a.source_id, b.source_id AS other_id,
        count(*) AS shared,
        count(*) FILTER (WHERE a.value IS DISTINCT FROM b.value
                            OR a.status IS DISTINCT FROM b.status) AS differing,
        bool_and(b.edition < a.edition) AS other_is_newer
    FROM facts a
    JOIN facts b
      ON a.source_id <> b.source_id
     AND a.year = b.year AND a.municipality = b.municipality AND a.measure = b.measure
     AND a.place_role = b.place_role AND a.residence = b.residence
     AND a.age_group = b.age_group AND a.sex = b.sex AND a.offence_group = b.offence_group
     AND a.offence_subgroup = b.offence_subgroup AND a.category = b.category
    WHERE a.editions > 1
    GROUP BY ALL
)
SELECT p.*, s.publication AS other_publication, s.published AS other_published,
       s.title AS other_title
FROM pairs p
JOIN dim_source s ON s.source_id = p.other_id
ORDER BY p.source_id, s.published_date, p.other_id;
