-- Multiplies the submitted assessments of a benchmark database (H2 or PostgreSQL) by copying each one, with
-- its answers and its stored result rows, under a new id: the copies are real scored results, so re-scoring
-- one costs what re-scoring the original does. Used to reach 10,000 stored assessments for the impact-analysis
-- benchmark quickly (docs/performance.md); never run against a real database. Run it once per extra copy.
CREATE TABLE clone_map AS SELECT assessment_id AS old_id, RANDOM_UUID() AS new_id FROM assessment_result
    WHERE assessment_id IN (SELECT id FROM assessment WHERE created_by <> 'clone');

INSERT INTO assessment (id, organisation_id, scope, questionnaire_id, questionnaire_version, period, status, row_version,
                        created_by, created_at, updated_at, submitted_by, submitted_at)
SELECT m.new_id, a.organisation_id, a.scope, a.questionnaire_id, a.questionnaire_version, a.period, a.status, 0,
       'clone', a.created_at, a.updated_at, a.submitted_by, a.submitted_at
FROM assessment a JOIN clone_map m ON m.old_id = a.id;

INSERT INTO assessment_answer (assessment_id, question, kind, scale_value, evidence)
SELECT m.new_id, x.question, x.kind, x.scale_value, x.evidence FROM assessment_answer x JOIN clone_map m ON m.old_id = x.assessment_id;

INSERT INTO assessment_result (assessment_id, organisation_id, questionnaire_id, questionnaire_version, ruleset_version,
                               overall_score, overall_band, submitted_at, result_json)
SELECT m.new_id, r.organisation_id, r.questionnaire_id, r.questionnaire_version, r.ruleset_version, r.overall_score,
       r.overall_band, r.submitted_at, r.result_json FROM assessment_result r JOIN clone_map m ON m.old_id = r.assessment_id;

INSERT INTO result_rating (assessment_id, level, rating_id, theme, score, band, answered, total)
SELECT m.new_id, x.level, x.rating_id, x.theme, x.score, x.band, x.answered, x.total
FROM result_rating x JOIN clone_map m ON m.old_id = x.assessment_id;

INSERT INTO result_summary (assessment_id, organisation_id, questionnaire_id, questionnaire_version, ruleset_version,
                            period, scope, overall_score, overall_band, submitted_at)
SELECT m.new_id, x.organisation_id, x.questionnaire_id, x.questionnaire_version, x.ruleset_version, x.period, x.scope,
       x.overall_score, x.overall_band, x.submitted_at FROM result_summary x JOIN clone_map m ON m.old_id = x.assessment_id;

INSERT INTO result_fired_rule (assessment_id, rule_id, firings)
SELECT m.new_id, x.rule_id, x.firings FROM result_fired_rule x JOIN clone_map m ON m.old_id = x.assessment_id;

INSERT INTO result_recommendation (assessment_id, recommendation_id, enabler, rank_no)
SELECT m.new_id, x.recommendation_id, x.enabler, x.rank_no FROM result_recommendation x JOIN clone_map m ON m.old_id = x.assessment_id;

DROP TABLE clone_map;
