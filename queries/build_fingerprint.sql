-- The warehouse's fingerprint: the hash of every input file it was built from. Caches of
-- derived files (chart images) are keyed by it, so a rebuild with new data misses them.
SELECT value AS fingerprint FROM build_info WHERE key = 'inputs_hash';
