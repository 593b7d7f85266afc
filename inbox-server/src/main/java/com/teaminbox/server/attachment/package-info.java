/**
 * Attachments: the media key and hashes of every file a message carries (sealed at rest), the
 * rules for what an agent may send, and the network's media host that stores the encrypted
 * blobs. Files are opened in the server for the agent's browser; the host only sees ciphertext.
 */
package com.teaminbox.server.attachment;
