/**
 * The client API the inbox uses: {@link com.teaminbox.bridge.client.DeviceClient}, the
 * {@link com.teaminbox.bridge.client.DeviceEvents} it reports, and the pieces that decide its
 * behaviour without a network (reconnect back-off, turning server stanzas into events).
 */
package com.teaminbox.bridge.client;
