/**
 * In-memory stores for tests and the sandbox. They keep serialised bytes, as a database would,
 * so every test also exercises the storage formats.
 */
package com.teaminbox.bridge.signal.memory;
