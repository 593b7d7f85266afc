-- V2.1: every change to a conversation, its messages or its notes is announced on the
-- PostgreSQL channel "inbox_events", after commit (NOTIFY is transactional), so that every
-- inbox-server instance can push it to the browsers that may see it. The payload names what
-- changed, never its content: subscribers re-read through the API's authorisation.

CREATE FUNCTION inbox_notify_conversation() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('inbox_events', json_build_object('kind', 'conversation', 'conversationId', NEW.id)::text);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION inbox_notify_conversation_part() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('inbox_events', json_build_object('kind', TG_ARGV[0], 'conversationId', NEW.conversation_id)::text);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER conversation_changed AFTER INSERT OR UPDATE ON conversation
    FOR EACH ROW EXECUTE FUNCTION inbox_notify_conversation();
CREATE TRIGGER message_changed AFTER INSERT OR UPDATE ON message
    FOR EACH ROW EXECUTE FUNCTION inbox_notify_conversation_part('message');
CREATE TRIGGER note_added AFTER INSERT ON internal_note
    FOR EACH ROW EXECUTE FUNCTION inbox_notify_conversation_part('note');
