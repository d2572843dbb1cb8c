package org.candor.moderation;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.NotFoundException;

import org.candor.review.ReviewStatus;

/**
 * What a moderator can do to a queue item, by the last segment of its route, with the form fields each needs; and
 * which of them the state of the item and its content allows. That table ({@link #allowed}) is the one rule: the
 * service refuses what it does not allow and the item page offers only what it allows.
 */
public enum ModerationAction {
    TAKE(ActionForm.Any.class),
    RELEASE(ActionForm.Any.class),
    REASSIGN(ActionForm.Reassigning.class),
    PUBLISH(ActionForm.Reasoned.class),
    KEEP_HELD(ActionForm.Explained.class),
    REPLY(ActionForm.Any.class),
    ANNOTATE(ActionForm.Noted.class),
    REDACT(ActionForm.Redacting.class),
    HIDE(ActionForm.Explained.class),
    RESTORE(ActionForm.Reasoned.class),
    ESCALATE(ActionForm.Noted.class),
    NOTE(ActionForm.Noted.class),
    CLOSE(ActionForm.Any.class),
    /** An appeal is founded: the decision it contests is reversed. */
    UPHOLD(ActionForm.Noted.class),
    /** An appeal is not founded: the decision stands, and the appellant is told why. */
    REJECT(ActionForm.Noted.class);

    /** The validation group of the action's form. */
    final Class<?> group;

    ModerationAction(Class<?> group) {
        this.group = group;
    }

    /**
     * The actions allowed on an item whose content has this status. Only published content can be answered, annotated
     * or hidden in public (an official reply to a held review would put on the public log what the public cannot
     * see); only held content can be published or kept held; only hidden content restored. Claims, escalation and
     * notes are always possible; closing only while the item is open.
     */
    public static Set<ModerationAction> allowed(ItemKind kind, ReviewStatus status, boolean comment, boolean open) {
        if (kind == ItemKind.APPEAL) {
            // an appeal is decided, upheld or rejected; the post itself is acted on from its own items
            Set<ModerationAction> allowed = EnumSet.of(TAKE, RELEASE, REASSIGN, ESCALATE, NOTE);
            if (open) {
                allowed.add(UPHOLD);
                allowed.add(REJECT);
            }
            return allowed;
        }
        return allowed(status, comment, open);
    }

    static Set<ModerationAction> allowed(ReviewStatus status, boolean comment, boolean open) {
        Set<ModerationAction> allowed = EnumSet.of(TAKE, RELEASE, REASSIGN, ESCALATE, NOTE);
        if (open) {
            allowed.add(CLOSE);
        }
        switch (status) {
            case PENDING -> {
                allowed.add(PUBLISH);
                allowed.add(KEEP_HELD);
                if (!comment) {
                    allowed.add(REDACT);
                }
            }
            case PUBLISHED -> {
                allowed.add(ANNOTATE);
                allowed.add(HIDE);
                if (!comment) {
                    allowed.add(REPLY);
                    allowed.add(REDACT);
                }
            }
            case HIDDEN -> allowed.add(RESTORE);
            default -> {
            }
        }
        return allowed;
    }

    /** The action named by a route segment such as {@code keep-held}; 404 for anything else. */
    static ModerationAction parse(String name) {
        for (ModerationAction a : values()) {
            if (a.route().equals(name)) {
                return a;
            }
        }
        throw new NotFoundException();
    }

    String route() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The allowed actions, for templates: {@code allowed.can('REPLY')}. */
    public record Allowed(Set<ModerationAction> actions) {
        public boolean can(String action) {
            return actions.contains(valueOf(action));
        }

        /** The allowed actions of the item page's panel, each with its key, in the panel's order. */
        public java.util.List<ModerationAction> panel() {
            return actions.stream().filter(a -> a.key() != null).toList();
        }
    }

    /** The key that unfolds the action on the item page ({@code js/item.js}), or null (claims). */
    public String key() {
        return switch (this) {
            case PUBLISH -> "p";
            case KEEP_HELD -> "k";
            case REPLY -> "r";
            case ANNOTATE -> "a";
            case REDACT -> "d";
            case HIDE -> "h";
            case RESTORE -> "s";
            case ESCALATE -> "e";
            case NOTE -> "o";
            case CLOSE -> "c";
            case UPHOLD -> "u";
            case REJECT -> "j";
            default -> null;
        };
    }

    /** The message key of the action's name ({@code mod:action_*}). */
    public String messageKey() {
        return "action_" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
