/**
 * The sandbox messaging network: a standalone program ({@link com.teaminbox.sandbox.SandboxMain}) that
 * plays the network of the multi-device protocol, with a simulated business phone and customers, so
 * the inbox can link devices and chat without the public network. See docs/sandbox.md.
 */
package com.teaminbox.sandbox;
