-- The read-only role for reporters' editors and CI (see README, "Shared archive (PostgreSQL)"):
-- `copydesk_reader` may read the archive and nothing else. Give it to a login role with
--   CREATE ROLE reporter LOGIN PASSWORD '…' IN ROLE copydesk_reader;
-- Creating a role needs CREATEROLE; an ingesting user without it gets a notice, and an
-- administrator creates the role and runs the grants below by hand.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'copydesk_reader') THEN
        BEGIN
            CREATE ROLE copydesk_reader NOLOGIN;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'copydesk: no privilege to create the role copydesk_reader; create it and grant SELECT on articles, figures, keyword_df by hand';
        WHEN duplicate_object OR unique_violation THEN
            NULL; -- another database of the cluster created it at the same moment
        END;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'copydesk_reader') THEN
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO copydesk_reader', current_database());
        GRANT USAGE ON SCHEMA public TO copydesk_reader;
        GRANT SELECT ON articles, figures, keyword_df TO copydesk_reader;
    END IF;
END
$$;
