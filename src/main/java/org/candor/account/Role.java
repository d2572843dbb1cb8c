package org.candor.account;

/** What an account may do. Kept in our database; identity providers never decide it. */
public enum Role {
    CUSTOMER,
    MODERATOR,
    ADMIN;

    /** Security role names used with {@code @RolesAllowed}. */
    public static final String CUSTOMER_NAME = "customer";
    public static final String MODERATOR_NAME = "moderator";
    public static final String ADMIN_NAME = "admin";

    /** The role names an identity with this role carries: an admin is also a moderator and a customer. */
    public java.util.Set<String> securityRoles() {
        return switch (this) {
            case CUSTOMER -> java.util.Set.of(CUSTOMER_NAME);
            case MODERATOR -> java.util.Set.of(CUSTOMER_NAME, MODERATOR_NAME);
            case ADMIN -> java.util.Set.of(CUSTOMER_NAME, MODERATOR_NAME, ADMIN_NAME);
        };
    }
}
