-- V11: changes that only the people running the team watch — an agent's status, capacity or
-- being disabled, a device's state — are announced on the live event channel too, so that the
-- manager console and the devices screen follow them without polling. As in V2.1 the payload
-- names what changed, never its content; the API sends these to admins and managers only.

CREATE FUNCTION inbox_notify_staff_change() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('inbox_events', json_build_object('kind', TG_ARGV[0], TG_ARGV[0] || 'Id', NEW.id)::text);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER agent_changed AFTER INSERT OR UPDATE OF status, capacity, disabled ON agent
    FOR EACH ROW EXECUTE FUNCTION inbox_notify_staff_change('agent');
CREATE TRIGGER device_changed AFTER INSERT OR UPDATE OF state ON companion_device
    FOR EACH ROW EXECUTE FUNCTION inbox_notify_staff_change('device');
