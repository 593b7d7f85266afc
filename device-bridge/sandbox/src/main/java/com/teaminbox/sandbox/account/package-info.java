/**
 * Accounts (phone numbers) and their registered devices with public keys and prekeys, kept in the data
 * folder; the lifecycle rules (14 days for the primary, 30 for a companion).
 */
package com.teaminbox.sandbox.account;
