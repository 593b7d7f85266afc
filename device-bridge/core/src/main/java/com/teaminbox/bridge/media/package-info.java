/**
 * Media attachments: each file is encrypted under its own random media key before it goes to
 * the blob store, which therefore only ever holds ciphertext. The message that references the
 * file carries the key, the hashes and the size.
 */
package com.teaminbox.bridge.media;
