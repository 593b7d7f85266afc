/**
 * The admin's Settings screen behind the API: values saved at runtime that override the
 * MicroProfile Config key of the same name (primary-phone warning thresholds, SMTP, webhook),
 * the per-queue routing, SLA and business hours edited where they live (the queue table), and
 * the audit of every change. Secrets are sealed at rest and never leave the server.
 */
package com.teaminbox.server.settings;
