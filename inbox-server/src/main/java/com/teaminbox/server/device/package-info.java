/** Companion devices: one live device per agent and account, and its state machine with every transition's reason. */
package com.teaminbox.server.device;
