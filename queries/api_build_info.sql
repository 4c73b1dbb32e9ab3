-- When the warehouse was built (UTC, ISO 8601): the DCAT catalogue's modification date.
SELECT value AS built_at FROM build_info WHERE key = 'built_at';
