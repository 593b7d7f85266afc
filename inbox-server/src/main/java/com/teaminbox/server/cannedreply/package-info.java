/** Canned replies: text agents insert by shortcut, per account or shared by all. */
package com.teaminbox.server.cannedreply;
