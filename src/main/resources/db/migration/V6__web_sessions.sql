-- The web pages' signed-in sessions, so that one can be ended on the server: the form login's cookie is a
-- stateless encrypted token, valid until it times out wherever it was copied to. Each sign-in adds a row; every
-- request with that cookie must find its row (on any instance); signing out deletes it, and a change to the user
-- (password, roles, organisation) deletes all of that user's. The session id itself lives only in the browser's
-- cookie: the row holds its sha-256, so reading this table gives nobody a session.
CREATE TABLE web_session (
    id_digest  VARCHAR(64)  PRIMARY KEY,
    username   VARCHAR(100) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX web_session_username_idx ON web_session (username);
-- Sessions unused for longer than the form login's idle timeout are deleted by age.
CREATE INDEX web_session_seen_idx ON web_session (seen_at);
