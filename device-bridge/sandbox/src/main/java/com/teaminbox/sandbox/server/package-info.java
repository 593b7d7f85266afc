/**
 * The network's endpoint: WebSocket connections with the Noise XX handshake as responder, the sandbox's
 * trust root, and the switchboard that logs devices in and routes, queues and relays their stanzas.
 */
package com.teaminbox.sandbox.server;
