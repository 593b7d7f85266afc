/** The append-only, hash-chained audit trail, its query and its verification. */
package com.teaminbox.server.audit;
