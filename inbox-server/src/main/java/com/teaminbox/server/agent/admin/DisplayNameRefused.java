package com.teaminbox.server.agent.admin;

import com.teaminbox.server.Refusal;

/** Keycloak keeps characters out of people's names that could be markup or script (its person-name validator). */
public class DisplayNameRefused extends Refusal {

    DisplayNameRefused() {
        super("displayName: Keycloak does not accept these characters in a name: < > & \" $ % ! # ? § ; * ~ / \\ | ^ = [ ] { } ( ); "
                + "leave them out.");
    }

    @Override
    public Kind kind() {
        return Kind.INVALID;
    }
}
