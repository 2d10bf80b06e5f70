-- Every ruleset version that scored (or was loaded to score) results, with its files' contents, so that any
-- stored result can be replayed under exactly the rules that produced it. Rows are never updated or deleted.
CREATE TABLE ruleset_version (
    version      VARCHAR(64)  NOT NULL PRIMARY KEY,
    origin       VARCHAR(500) NOT NULL,
    first_seen   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE ruleset_file (
    version  VARCHAR(64)  NOT NULL,
    path     VARCHAR(500) NOT NULL,
    sha256   VARCHAR(64)  NOT NULL,
    content  TEXT         NOT NULL,
    CONSTRAINT ruleset_file_pk PRIMARY KEY (version, path),
    CONSTRAINT ruleset_file_version_fk FOREIGN KEY (version) REFERENCES ruleset_version (version)
);

-- Which rules fired in each stored result (the rule catalogue counts them) and which recommendations it gave
-- (impact analysis compares them), so that neither needs to parse every stored result.
CREATE TABLE result_fired_rule (
    assessment_id UUID         NOT NULL,
    rule_id       VARCHAR(100) NOT NULL,
    firings       INTEGER      NOT NULL,
    CONSTRAINT result_fired_rule_pk PRIMARY KEY (assessment_id, rule_id),
    CONSTRAINT result_fired_rule_result_fk FOREIGN KEY (assessment_id) REFERENCES assessment_result (assessment_id)
);
CREATE INDEX result_fired_rule_rule_idx ON result_fired_rule (rule_id);

CREATE TABLE result_recommendation (
    assessment_id     UUID         NOT NULL,
    recommendation_id VARCHAR(100) NOT NULL,
    enabler           VARCHAR(100) NOT NULL,
    rank_no           INTEGER      NOT NULL,
    CONSTRAINT result_recommendation_pk PRIMARY KEY (assessment_id, recommendation_id, enabler),
    CONSTRAINT result_recommendation_result_fk FOREIGN KEY (assessment_id) REFERENCES assessment_result (assessment_id)
);
