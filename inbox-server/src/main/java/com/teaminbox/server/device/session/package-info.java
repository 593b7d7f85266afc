/** One device-bridge client per linked companion device: linking, reconnects, messages in and out. */
package com.teaminbox.server.device.session;
