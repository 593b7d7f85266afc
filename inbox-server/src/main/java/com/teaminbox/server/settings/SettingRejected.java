package com.teaminbox.server.settings;

import com.teaminbox.server.Refusal;

/** A settings value that cannot be saved; the sentence names the field. Nothing was changed. */
public class SettingRejected extends Refusal {

    public SettingRejected(String sentence) {
        super(sentence);
    }

    @Override
    public Kind kind() {
        return Kind.INVALID;
    }
}
