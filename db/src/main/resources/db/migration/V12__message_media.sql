-- Attachments of messages, received or sent. The media host holds only the encrypted blob;
-- what opens it (the media key) is kept here sealed under the inbox's master key, like the
-- device keys, so a database dump alone does not open customers' files.
CREATE TABLE message_media (
    message_id       BIGINT        PRIMARY KEY REFERENCES message (id) ON DELETE CASCADE,
    mime_type        VARCHAR(255)  NOT NULL,
    file_name        VARCHAR(255),               -- known for our own uploads; customers' files travel without one
    file_length      BIGINT        NOT NULL CHECK (file_length >= 0),
    direct_path      VARCHAR(512)  NOT NULL,     -- where the blob lies on the media host
    file_sha256      BYTEA         NOT NULL CHECK (length(file_sha256) = 32),
    file_enc_sha256  BYTEA         NOT NULL CHECK (length(file_enc_sha256) = 32),
    sealed_media_key BYTEA         NOT NULL      -- KeyMaterialCipher, kind 'media-key', bound to the message id
);
