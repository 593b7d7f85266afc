/** Business accounts: the phone numbers the team answers, several per deployment. */
package com.teaminbox.server.account;
