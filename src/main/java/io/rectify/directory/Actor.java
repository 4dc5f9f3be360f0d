package io.rectify.directory;

/**
 * Who is acting: the signed-in user with the body and region they act for. Every service
 * method that reads or changes business data takes one and decides access from it.
 */
public record Actor(String username, Role role, String orgCode, OrgKind orgKind, String regionCode)
        implements java.io.Serializable {

    /** The engine's candidate group of this user's body. */
    public String group() {
        return Directory.groupOf(orgCode);
    }

    public boolean is(Role other) {
        return role == other;
    }

    /** The engine and timers act for nobody in particular. */
    public static Actor system() {
        return new Actor("system", null, null, null, null);
    }
}
