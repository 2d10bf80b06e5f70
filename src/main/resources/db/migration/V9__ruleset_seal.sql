-- A kept ruleset's seal: the HMAC of its version (the sha-256 of its files) under the audit key (key_id names the
-- key, as in audit_log). Replay compiles kept files, and DRL consequences are Java: without a seal, whoever can
-- write to the database could plant rules that the service would then run. Rows kept before this migration have
-- no seal and are never compiled from the database (docs/security.md).
ALTER TABLE ruleset_version ADD COLUMN key_id VARCHAR(16);
ALTER TABLE ruleset_version ADD COLUMN seal VARCHAR(64);
