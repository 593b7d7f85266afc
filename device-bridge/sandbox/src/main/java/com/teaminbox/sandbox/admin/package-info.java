/**
 * The admin HTTP API (JSON, problem+json errors) that drives the phone, the customers, the clock and
 * fault injection.
 */
package com.teaminbox.sandbox.admin;
