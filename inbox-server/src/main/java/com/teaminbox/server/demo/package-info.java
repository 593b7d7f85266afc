/**
 * The demo profile's business: the sandbox's bakery as a business account with a default queue
 * that the demo agents serve from their first sign-in, so that the README's walk-through works
 * on a fresh database. Nothing here runs outside the demo profile.
 */
package com.teaminbox.server.demo;
