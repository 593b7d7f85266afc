/**
 * Simulated phones: the business owner's primary (approves, lists and unlinks companions, sends as the
 * owner) and the devices of simulated phones, which use the same client as the inbox.
 */
package com.teaminbox.sandbox.phone;
