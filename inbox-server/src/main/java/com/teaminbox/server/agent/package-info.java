/** The people of the inbox: registration from their token, status and capacity for routing. */
package com.teaminbox.server.agent;
