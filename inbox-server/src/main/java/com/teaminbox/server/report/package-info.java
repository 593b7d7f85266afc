/**
 * What managers watch: the live state of queues and agents, and daily reports (volume,
 * first-response and resolution times, SLA breaches, per-agent volume) as JSON and CSV.
 */
package com.teaminbox.server.report;
