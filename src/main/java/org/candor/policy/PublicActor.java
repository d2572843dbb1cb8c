package org.candor.policy;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.candor.account.Account;
import org.candor.account.Role;

/**
 * How a staff member appears in public — under replies, annotations and hide notices, and on the public log: always
 * by role ({@code moderator}, {@code admin}), and by their public handle too when the policy says staff appear by
 * handle ({@code staff_in_public = HANDLE}). The one home of that rule.
 */
@ApplicationScoped
public class PublicActor {

    private final ModerationPolicy policy;

    PublicActor(ModerationPolicy policy) {
        this.policy = policy;
    }

    /** A role as the public reads it, the same on every server whatever its locale. */
    public static String role(Role role) {
        return role(role.name());
    }

    /** A stored role name ({@code MODERATOR}) as the public reads it ({@code moderator}). */
    public static String role(String roleName) {
        return roleName.toLowerCase(Locale.ROOT);
    }

    /** Whether the policy shows staff by their handle (read once per use: it may change at any time). */
    public boolean byHandle() {
        return policy.settings().staffByHandle();
    }

    /** The handle the public sees for this staff member, or null when staff appear by role only. */
    public String handle(Account actor) {
        return byHandle() ? actor.publicHandle() : null;
    }
}
