/** The customers who write to a business account. */
package com.teaminbox.server.contact;
