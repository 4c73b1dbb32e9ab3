-- Every source table with its provenance (sidecar), and what the warehouse holds from
-- it: how many published numbers, how many of them missing (a status symbol), which years.
WITH held AS (
    SELECT
        source_id,
        count(*) AS facts,
        count(*) FILTER (WHERE status IS NOT NULL) AS missing,
        min(year) AS first_year,
        max(year) AS last_year
    FROM fact
    GROUP BY source_id
)
SELECT s.*, coalesce(h.facts, 0) AS facts, coalesce(h.missing, 0) AS missing,
       h.first_year, h.last_year
FROM dim_source s
LEFT JOIN held h USING (source_id)
ORDER BY s.publication, s.source_id;
