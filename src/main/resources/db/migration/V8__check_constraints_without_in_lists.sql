-- The CHECKs that listed allowed values with IN ('A', 'B') are written as CASE instead. H2 2.4.240 compiles a
-- constant IN list into a set ordered through the session that parsed it: the pool's connection that ran the
-- migration. Once the pool closed that connection, evaluating the check threw "database closed", which H2 reports
-- as 'Check constraint invalid', and every insert or update of the table failed until a restart (which parses the
-- checks again with the database's own session). H2 also turns x = 'A' OR x = 'B' into such a list; a simple CASE
-- it evaluates with the session of the statement. Same names, same meaning: every checked column is NOT NULL
-- (target_band keeps its IS NULL branch). FreshSchemaWritesTest shows the failure and guards against new IN lists.

ALTER TABLE organisation DROP CONSTRAINT organisation_type_ck;
ALTER TABLE organisation ADD CONSTRAINT organisation_type_ck CHECK (
    CASE type WHEN 'LOCAL_AUTHORITY' THEN TRUE WHEN 'HEALTH_BOARD' THEN TRUE WHEN 'THIRD_SECTOR' THEN TRUE
        WHEN 'OTHER' THEN TRUE ELSE FALSE END);

ALTER TABLE assessment DROP CONSTRAINT assessment_status_ck;
ALTER TABLE assessment ADD CONSTRAINT assessment_status_ck CHECK (
    CASE status WHEN 'DRAFT' THEN TRUE WHEN 'SUBMITTED' THEN TRUE ELSE FALSE END);

ALTER TABLE assessment_answer DROP CONSTRAINT assessment_answer_kind_ck;
ALTER TABLE assessment_answer ADD CONSTRAINT assessment_answer_kind_ck CHECK (
    CASE kind WHEN 'SCORED' THEN TRUE WHEN 'NOT_APPLICABLE' THEN TRUE WHEN 'DONT_KNOW' THEN TRUE ELSE FALSE END);

ALTER TABLE result_rating DROP CONSTRAINT result_rating_level_ck;
ALTER TABLE result_rating ADD CONSTRAINT result_rating_level_ck CHECK (
    CASE level WHEN 'THEME' THEN TRUE WHEN 'ENABLER' THEN TRUE ELSE FALSE END);

ALTER TABLE organisation_target DROP CONSTRAINT organisation_target_band_ck;
ALTER TABLE organisation_target ADD CONSTRAINT organisation_target_band_ck CHECK (target_band IS NULL OR
    CASE target_band WHEN 'GETTING_STARTED' THEN TRUE WHEN 'DEVELOPING' THEN TRUE WHEN 'ESTABLISHED' THEN TRUE
        WHEN 'EMBEDDED' THEN TRUE ELSE FALSE END);
