package dev.rapport.platform.security;

/**
 * Realm roles of people using Rapport. Resources name the roles allowed per operation with these constants,
 * so that who may do what reads in one place per operation.
 */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String MANAGER = "manager";
    public static final String AGENT = "agent";
    public static final String ANALYST = "analyst";

    private Roles() {
    }
}
