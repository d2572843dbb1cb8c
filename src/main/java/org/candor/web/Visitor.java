package org.candor.web;

/**
 * Who is looking at a page, as far as the layout needs to know. The account feature provides it
 * ({@code account/CurrentUser}); {@code web} only depends on this interface, never on a feature.
 */
public interface Visitor {

    boolean signedIn();

    /** The account id; only call when {@link #signedIn()}. */
    long accountId();

    String displayName();

    boolean isModerator();

    boolean isAdmin();
}
