package com.teaminbox.server.settings;

import com.teaminbox.server.Refusal;
import java.util.Collection;
import java.util.TreeSet;

/** A settings section that does not exist; the sentence lists the ones that do. */
public class SettingsSectionNotFound extends Refusal {

    public SettingsSectionNotFound(String section, Collection<String> sections) {
        super("There is no settings section \"" + section + "\"; the sections are " + String.join(", ", new TreeSet<>(sections)) + ".");
    }

    @Override
    public Kind kind() {
        return Kind.NOT_FOUND;
    }
}
