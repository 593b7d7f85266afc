-- A received attachment whose reference is not the network's own form (/media/ and the blob's
-- SHA-256 in hex), or that announces more than the network carries, is kept with its message
-- but never fetched: a modified client could otherwise make the server request internal
-- addresses or stream gigabytes. NULL: the attachment opens as usual. The codes are
-- attachment.MediaRefusal's; the sentence shown to agents lives there, not here.
ALTER TABLE message_media ADD COLUMN refusal VARCHAR(40);

-- Rows stored before the check: mark those that would have been refused.
UPDATE message_media SET refusal = 'foreign-path' WHERE direct_path !~ '^/media/[0-9a-f]{64}$';
UPDATE message SET media_reference = 'network-media:refused:foreign-path'
 WHERE id IN (SELECT message_id FROM message_media WHERE refusal = 'foreign-path');
