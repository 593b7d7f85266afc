package com.teaminbox.server.attachment;

import com.teaminbox.server.Refusal;

/** Opening an attachment that was refused when its message arrived; the sentence says why. */
public class AttachmentRefused extends Refusal {

    public AttachmentRefused(MediaRefusal refusal) {
        super(refusal.sentence());
    }

    @Override
    public Kind kind() {
        return Kind.INVALID;
    }
}
