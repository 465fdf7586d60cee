-- Gives a Databricks user access to the schema that a deployed app created, as an OAuth role of Lakebase.
--
-- Run it as the owner of the Lakebase project (or another role allowed to create roles and grant on the schema),
-- after the app has been deployed and has created its schema. Set the three values first.
--
-- Tried on PostgreSQL 15 with a stand-in for databricks_create_role (which only Lakebase's databricks_auth
-- provides); not run against Lakebase itself.

CREATE EXTENSION IF NOT EXISTS databricks_auth;

DO $grant$
DECLARE
    developer   text := 'developer@example.com';  -- the Databricks user name (email) of the developer
    app_schema  text := 'app';                    -- the schema the app created
    app_db      text := current_database();       -- the database the app uses, usually databricks_postgres
    object_kind text;
BEGIN
    -- the PostgreSQL role that logs in with the user's OAuth database tokens; skipped when it exists
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = developer) THEN
        PERFORM databricks_create_role(developer, 'USER');
    END IF;

    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', app_db, developer);
    EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO %I', app_schema, developer);

    -- what exists now
    FOREACH object_kind IN ARRAY ARRAY['TABLES', 'SEQUENCES', 'FUNCTIONS', 'PROCEDURES'] LOOP
        EXECUTE format('GRANT ALL PRIVILEGES ON ALL %s IN SCHEMA %I TO %I', object_kind, app_schema, developer);
    END LOOP;

    -- what the role running this script creates later in the schema
    FOREACH object_kind IN ARRAY ARRAY['TABLES', 'SEQUENCES', 'FUNCTIONS', 'ROUTINES'] LOOP
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT ALL ON %s TO %I', app_schema, object_kind,
                       developer);
    END LOOP;
END
$grant$;
