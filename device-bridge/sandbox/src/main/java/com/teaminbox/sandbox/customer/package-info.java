/**
 * Simulated customers of the business: phones with one or two devices that chat and send receipts.
 */
package com.teaminbox.sandbox.customer;
