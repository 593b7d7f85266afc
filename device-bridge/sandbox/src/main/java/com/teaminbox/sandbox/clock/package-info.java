/**
 * The network's clock: real time plus an offset that tests and the admin API move forward.
 */
package com.teaminbox.sandbox.clock;
