/**
 * Key material of linked companion devices, kept in PostgreSQL and sealed at rest under the
 * master key. A device's Signal store lives in memory and records its changes as pending writes;
 * the caller commits them in the same transaction as the message whose decryption caused them.
 */
package com.teaminbox.server.device.keys;
