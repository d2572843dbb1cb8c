package org.candor.policy;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Decides whether a new post waits for a moderator. The board has a mode (post-moderation by default), and a subject
 * may override it; admin pages to change both come with the policy issue.
 */
@ApplicationScoped
public class ModerationPolicy {

    /** The rule that holds posts on a subject in pre-moderation; shown to moderators as the reason. */
    public static final String PRE_MODERATION_RULE = "pre-moderation";

    private final EntityManager em;

    ModerationPolicy(EntityManager em) {
        this.em = em;
    }

    /** The rule that holds a new post on this subject, or empty when it is published at once. */
    public Optional<String> holdRule(long subjectId) {
        String mode = (String) em.createNativeQuery("""
                select coalesce(s.moderation_mode, p.mode) from subject s, moderation_policy p
                where s.id = ?1 and p.id = 1""")
                .setParameter(1, subjectId).getSingleResult();
        return "PRE".equals(mode) ? Optional.of(PRE_MODERATION_RULE) : Optional.empty();
    }
}
