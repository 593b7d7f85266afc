package com.teaminbox.sandbox.linking;

import com.teaminbox.bridge.linking.LinkApproval;
import com.teaminbox.bridge.linking.LinkingException;

/** The primary's signature step, called once the network has reserved the new device's id. */
@FunctionalInterface
public interface LinkSigner {
    LinkApproval sign(int newDeviceId) throws LinkingException;
}
