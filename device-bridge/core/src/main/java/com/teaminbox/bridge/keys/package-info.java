/** Generation of a device's own Signal keys (identity, signed prekey, one-time prekeys, registration id). */
package com.teaminbox.bridge.keys;
