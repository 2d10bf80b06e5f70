-- The audit chain becomes keyed: row_hash is an HMAC-SHA-256 under a key held outside the database
-- (READINESS_AUDIT_KEY; the embedded default keeps one in readiness.data-dir/audit.key), so that whoever can write
-- to the database cannot recompute the chain after changing or removing rows. key_id names the key (a fingerprint,
-- not the key) so that keys can be rotated: rows made with an earlier key verify while it is kept in
-- readiness.audit.old-keys. Rows from before this migration keep a plain sha-256 and no key_id; verification
-- accepts such rows only before the first keyed row. See docs/security.md#audit-log.
ALTER TABLE audit_log ADD COLUMN key_id VARCHAR(16);
