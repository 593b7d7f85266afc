-- V8: how far each agent has read each conversation, for the unread counts in their list.
-- Only the newest read message is kept; everything inbound after it is unread for that agent.

CREATE TABLE conversation_read (
    agent_id              BIGINT      NOT NULL REFERENCES agent (id),
    conversation_id       BIGINT      NOT NULL REFERENCES conversation (id),
    last_read_message_id  BIGINT      NOT NULL,
    read_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (agent_id, conversation_id)
);

CREATE INDEX message_inbound_by_conversation ON message (conversation_id, id) WHERE direction = 'inbound';
