/**
 * Client fan-out: one message is encrypted for every device of the recipient and every other
 * device of the own account (those get it wrapped as "sent by me to X"), with a hash of the
 * device list used so the server can tell the sender when it missed a device.
 */
package com.teaminbox.bridge.fanout;
