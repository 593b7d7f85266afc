-- Search matches '%text%' against contact names and numbers and every message body, which a
-- b-tree cannot serve: at 100,000 conversations it scanned for about a quarter of a second.
-- Trigram GIN indexes let PostgreSQL find the few matching rows instead. pg_trgm is a trusted
-- extension (PostgreSQL 13+), so the inbox's own database owner can create it; where it is
-- not installed, search still works, only without these indexes.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX IF NOT EXISTS contact_name_trgm ON contact USING gin (display_name gin_trgm_ops);
        CREATE INDEX IF NOT EXISTS contact_phone_trgm ON contact USING gin (phone_number gin_trgm_ops);
        CREATE INDEX IF NOT EXISTS message_body_trgm ON message USING gin (body gin_trgm_ops);
    ELSE
        RAISE NOTICE 'pg_trgm is not available: conversation search runs without trigram indexes';
    END IF;
END
$$;
