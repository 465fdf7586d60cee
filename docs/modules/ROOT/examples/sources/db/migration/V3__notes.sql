-- tag::notes[]
-- notes that each signed-in user writes and reads as themself: PostgreSQL's row-level security shows a user their own
CREATE TABLE app.notes (
    id BIGSERIAL PRIMARY KEY,
    author TEXT NOT NULL DEFAULT current_user,
    body TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
ALTER TABLE app.notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_of_their_author ON app.notes
    USING (author = current_user)
    WITH CHECK (author = current_user);
-- the users' roles may read and write notes; the policy decides which rows
GRANT USAGE ON SCHEMA app TO PUBLIC;
GRANT SELECT, INSERT ON app.notes TO PUBLIC;
GRANT USAGE ON SEQUENCE app.notes_id_seq TO PUBLIC;
-- end::notes[]
