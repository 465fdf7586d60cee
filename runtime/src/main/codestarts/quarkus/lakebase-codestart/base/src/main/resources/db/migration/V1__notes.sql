-- Flyway runs this at start-up, logging in with a minted token. It creates the schema app first
-- (quarkus.flyway.schemas): the application's role owns that schema, whereas on PostgreSQL 15 and later it may not
-- create tables in the schema public of a database it does not own.
CREATE TABLE app.notes (
    id BIGSERIAL PRIMARY KEY,
    text TEXT NOT NULL,
    -- the PostgreSQL role that wrote the note: the one that logged in with the token
    written_by TEXT NOT NULL DEFAULT current_user
);
