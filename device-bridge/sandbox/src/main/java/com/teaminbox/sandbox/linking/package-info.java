/**
 * The network's side of linking: QR refs, pairing-code exchanges with time-outs and attempt limits,
 * and the approval the primary hands over.
 */
package com.teaminbox.sandbox.linking;
