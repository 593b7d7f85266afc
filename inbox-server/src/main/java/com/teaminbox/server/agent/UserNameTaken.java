package com.teaminbox.server.agent;

import com.teaminbox.server.Refusal;

/**
 * The identity provider shows a new person (new subject) under a user name the inbox already
 * knows for someone else, typically a Keycloak user deleted and created again. Handing the
 * old person's conversations and audit history to the new identity silently would be wrong,
 * so the sign-in is refused until an administrator settles it.
 */
public class UserNameTaken extends Refusal {

    public UserNameTaken(String username) {
        super("The user name '" + username + "' already belongs to another person known to the inbox "
                + "(the identity provider shows a new account under the same name). "
                + "An administrator must retire or rename the old inbox record before this account can sign in.");
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }
}
