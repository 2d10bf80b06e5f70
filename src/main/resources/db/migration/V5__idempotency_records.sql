-- The first answer to a creation sent with an Idempotency-Key header, so that a client which retries (after a
-- time-out, a dropped connection) gets that answer again instead of a second row. Keys are per caller: the
-- primary key is a digest of the principal and the key, so one caller's key never reveals another's answer.
-- Written in the same transaction as the row it describes: both are stored, or neither.
CREATE TABLE idempotency_record (
    key_digest      VARCHAR(64)  PRIMARY KEY,
    principal       VARCHAR(200) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    operation       VARCHAR(200) NOT NULL,
    request_digest  VARCHAR(64)  NOT NULL,
    status          INTEGER      NOT NULL,
    location        VARCHAR(500),
    etag            VARCHAR(100),
    response_json   TEXT         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Expired records are deleted by age.
CREATE INDEX idempotency_record_created_idx ON idempotency_record (created_at);
