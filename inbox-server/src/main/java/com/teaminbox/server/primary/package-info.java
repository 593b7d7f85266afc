/**
 * Watching the business owner's primary phone: the network's clock, every sign of primary
 * activity the companions see, probes to device 0, the countdown to the 14-day logout,
 * warnings (in-app, e-mail, webhook) and the incident when the logout comes anyway.
 */
package com.teaminbox.server.primary;
