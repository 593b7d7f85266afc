/**
 * The companion-device side of the multi-device messaging network: keys, Noise transport,
 * linking, Signal sessions and client fan-out. Plain Java 17; persistence is passed in
 * through store interfaces so that the inbox can keep it in PostgreSQL.
 */
package com.teaminbox.bridge;
