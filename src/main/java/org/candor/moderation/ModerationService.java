package org.candor.moderation;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.quarkus.security.ForbiddenException;

import org.candor.Sql;
import org.candor.account.Account;
import org.candor.account.AccountService;
import org.candor.account.Role;
import org.candor.policy.ModerationPolicy;
import org.candor.policy.PublicActor;
import org.candor.publiclog.LogKind;
import org.candor.publiclog.PublicLog;
import org.candor.review.PostContent;
import org.candor.review.ModeratedPosts;
import org.candor.review.ReasonsStatement;
import org.candor.review.ReasonsStatement.Restriction;
import org.candor.review.ReviewStatus;
import org.candor.policy.ReasonCode;

/**
 * Everything a moderator does, one method per action. Each checks who is acting, locks the queue item and checks the
 * version the moderator saw, makes the change, writes the public-log entry when the public sees a difference, tells
 * the author, and announces the item to every instance: all in one transaction. There is no delete.
 */
@ApplicationScoped
public class ModerationService {

    /** What stands in for a redacted span of text. */
    public static final String REDACTION_MARKER = "[redacted]";

    private final EntityManager em;
    private final ActionSteps steps;
    private final ModeratedPosts posts;
    private final ModerationQueue queue;
    private final ModerationPolicy policy;
    private final AccountService accounts;
    private final Reasons reasons;
    private final Settlements settlements;

    ModerationService(EntityManager em, ActionSteps steps, ModeratedPosts posts, ModerationQueue queue,
            ModerationPolicy policy, AccountService accounts, Reasons reasons, Settlements settlements) {
        this.reasons = reasons;
        this.settlements = settlements;
        this.em = em;
        this.steps = steps;
        this.posts = posts;
        this.queue = queue;
        this.policy = policy;
        this.accounts = accounts;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Claims

    /** Assigns the item to the acting moderator, so colleagues know it is being handled. */
    @Transactional
    public void take(long actorId, long itemId, int version) {
        ActionSteps.Acting a = steps.begin(actorId, itemId, version, ModerationAction.TAKE);
        a.item().claimedBy = actorId;
        a.item().claimedAt = Instant.now();
        steps.finish(a, "TAKEN", null, false);
    }

    /** Gives a claimed item back to the queue. */
    @Transactional
    public void release(long actorId, long itemId, int version) {
        ActionSteps.Acting a = steps.begin(actorId, itemId, version, ModerationAction.RELEASE);
        a.item().claimedBy = null;
        a.item().claimedAt = null;
        steps.finish(a, "RELEASED", null, false);
    }

    /** An admin hands the item to another staff member. */
    @Transactional
    public void reassign(long actorId, long itemId, int version, long toAccountId) {
        ActionSteps.Acting a = steps.begin(actorId, itemId, version, ModerationAction.REASSIGN);
        if (a.actor().role != Role.ADMIN) {
            throw new ForbiddenException("only admins reassign items");
        }
        Account to = em.find(Account.class, toAccountId);
        if (to == null || to.role == Role.CUSTOMER) {
            throw new InvalidActionException("assignee", "{candor.moderation.assignee}");
        }
        a.item().claimedBy = to.id;
        a.item().claimedAt = Instant.now();
        steps.finish(a, "REASSIGNED", to.publicHandle(), false);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Decisions

    /** Publishes a post that policy held. */
    @Transactional
    public void publish(long actorId, long itemId, int version, ReasonCode reason, String text) {
        ActionSteps.Acting a = steps.begin(actorId, itemId, version, ModerationAction.PUBLISH);
        steps.changeVisibility(a, ReviewStatus.PENDING, ReviewStatus.PUBLISHED, LogKind.PUBLISH, reason, text, null);
        if (!a.content().isComment()) {
            queue.awaitingReply(a.content().reviewId(), a.content().rating());
        }
    }

    /** Keeps a held post held, with a message to its author saying why; an edit puts it back in the queue. */
    @Transactional
    public void keepHeld(long actorId, long itemId, int version, ReasonCode reason, String message) {
        keepHeld(actorId, itemId, version, reason, message, null);
    }

    /**
     * Keeps a held post held; the statement of reasons says why (the message is for the author alone: the public never
     * saw the post) and supersedes the policy's hold.
     */
    @Transactional
    public void keepHeld(long actorId, long itemId, int version, ReasonCode reason, String message, String law) {
        ActionSteps.Acting a = steps.begin(actorId, itemId, version, ModerationAction.KEEP_HELD);
        steps.requireStatus(a, ReviewStatus.PENDING);
        ActionSteps.required(message);
        law = ActionSteps.law(ActionSteps.reason(reason), law);
        reasons.end(a.content().reviewId(), a.content().commentId(),
                List.of(Restriction.HOLD, Restriction.KEEP_HELD), "DECIDED");
        ReasonsStatement statement = steps.restrict(a, Restriction.KEEP_HELD, message.strip(), false, reason, law);
        steps.visibility(a, "KEEP_HELD", reason, message, statement);
        steps.tell(a, "KEEP_HELD", reason, message, statement.logSeq(), statement);
        steps.finish(a, "KEEP_HELD", message, true);
    }

    /**
     * Answers a review in public: free text, or a canned response, with {@code {customer}} and {@code {subject}}
     * filled in.
     */
    @Transactional
    public long reply(long actorId, long itemId, int version, String body, Long cannedId, Long offerId,
            String complaint) {
        ActionSteps.Acting a = steps.begin(actorId, itemId, version, ModerationAction.REPLY);
        if (a.content().isComment()) {
            throw new InvalidActionException("body", "{candor.moderation.reply.comment}");
        }
        String text = body == null ? "" : body.strip();
        String canned = cannedId == null ? null : steps.allowed(a, "canned_response", "body", cannedId, "canned",
                "{candor.moderation.canned.unknown}");
        if (text.isEmpty() && canned != null) {
            text = canned;
        }
        String offer = offerId == null ? null : steps.allowed(a, "offer_type", "name", offerId, "offer",
                "{candor.moderation.offer.unknown}");
        if (text.isEmpty()) {
            throw new InvalidActionException("body", "{candor.moderation.reply.empty}");
        }
        text = fill(text, a.content().authorName(), a.content().subjectName());
        Long id = ((Number) em.createNativeQuery("""
                insert into official_reply (review_id, author_id, body, canned_id, complaint)
                values (?1, ?2, ?3, ?4, ?5) returning id""")
                .setParameter(1, a.content().reviewId()).setParameter(2, actorId).setParameter(3, text)
                .setParameter(4, cannedId).setParameter(5, complaint == null || complaint.isBlank() ? null : complaint)
                .getSingleResult()).longValue();
        if (offer != null) {
            em.createNativeQuery("""
                    insert into offer_grant (offer_type_id, review_id, reply_id, granted_by) values (?1, ?2, ?3, ?4)""")
                    .setParameter(1, offerId).setParameter(2, a.content().reviewId()).setParameter(3, id)
                    .setParameter(4, actorId).executeUpdate();
        }
        // staged, not appended: a reply never waits for the log head (#19); the sequencer numbers it within a second
        long entry = steps.stageEntry(a, LogKind.OFFICIAL_REPLY, text);
        if (offer != null) {
            // the kind of offer is public, so every customer can see who got what; codes never are
            steps.stageEntry(a, LogKind.OFFER_GRANTED, offer);
        }
        steps.tellStaged(a, "REPLY", text, entry);
        steps.finish(a, "REPLY", null, true);
        return id;
    }

    /**
     * A reply's text with {@code {customer}} and {@code {subject}} filled in; any other placeholder is refused, so that
     * no customer ever reads "{ordernumber}".
     */
    static String fill(String text, String customer, String subject) {
        java.util.regex.Matcher m = org.candor.policy.Scripts.PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "customer" -> customer;
                case "subject" -> subject;
                default -> throw new InvalidActionException("body", "{candor.moderation.reply.placeholder}");
            };
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /**
     * The reply as its author would read it, without sending it: the typed text, else the canned response, with the
     * placeholders filled in. Checked like the reply itself (permission, the canned response's role, placeholders).
     */
    @Transactional
    public String previewReply(long actorId, long itemId, String body, Long cannedId) {
        ActionSteps.Acting a = steps.peek(actorId, itemId, ModerationAction.REPLY);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() && cannedId != null) {
            text = steps.allowed(a, "canned_response", "body", cannedId, "canned", "{candor.moderation.canned.unknown}");
        }
        if (text.isEmpty()) {
            throw new InvalidActionException("body", "{candor.moderation.reply.empty}");
        }
        return fill(text, a.content().authorName(), a.content().subjectName());
    }

    /** Attaches a visible note to the content; the content stays as it is. */
    @Transactional
    public void annotate(long actorId, long itemId, int version, String body) {
        ActionSteps.Acting a = steps.begin(actorId, itemId, version, ModerationAction.ANNOTATE);
        String text = ActionSteps.required(body);
        long seq = steps.logEntry(a, LogKind.ANNOTATION, null, null, text);
        // a label is a restriction too (DSA Art. 17): it has its statement of reasons, and can be appealed
        ReasonsStatement statement = steps.restrict(a, Restriction.LABEL, text, true, ReasonCode.OTHER, null);
        steps.insertAnnotation(a, text, statement);
        steps.tell(a, "ANNOTATION", null, text, seq, statement);
        settlements.actionTaken(a, text);
        steps.finish(a, "ANNOTATION", null, false);
    }

    /**
     * Replaces a span of a review's text (personal data, say) by a visible marker, as a new version; an annotation says
     * why. The original is kept for admins.
     */
    @Transactional
    public void redact(long actorId, long itemId, int version, String span, ReasonCode reason, String text) {
        redact(actorId, itemId, version, span, reason, text, null);
    }

    @Transactional
    public void redact(long actorId, long itemId, int version, String span, ReasonCode reason, String text,
            String law) {
        ActionSteps.Acting a = steps.begin(actorId, itemId, version, ModerationAction.REDACT);
        if (a.content().isComment()) {
            throw new InvalidActionException("span", "{candor.moderation.redact.comment}");
        }
        law = ActionSteps.law(ActionSteps.reason(reason), law);
        String original = posts.redact(a.content().reviewId(), ActionSteps.required(span, "span"), REDACTION_MARKER, actorId)
                .orElseThrow(() -> new InvalidActionException("span", "{candor.moderation.span.missing}"));
        String note = ActionSteps.blankToNull(text) == null ? ReasonsStatement.REDACTED
                : ReasonsStatement.REDACTED_BECAUSE + text.strip();
        // no hash of what was removed: the rest of the text is public, so a hash would let anyone guess it back
        long seq = steps.logEntry(a, LogKind.REDACT, reason, text, note);
        ReasonsStatement statement = steps.restrict(a, Restriction.REDACT, note, true, reason, law);
        em.createNativeQuery("""
                insert into redaction (review_id, revision, span, original, reason_code, reason_text, actor_id, statement_id)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, a.content().reviewId()).setParameter(2, posts.revision(a.content().reviewId()))
                .setParameter(3, span).setParameter(4, original).setParameter(5, reason.name())
                .setParameter(6, ActionSteps.blankToNull(text)).setParameter(7, actorId).setParameter(8, statement.id())
                .executeUpdate();
        steps.insertAnnotation(a, note, statement);
        steps.tell(a, "REDACT", reason, text, seq, statement);
        settlements.actionTaken(a, note);
        steps.finish(a, "REDACT", text, false);
    }

    /** Replaces the content in public by a notice saying who hid it, when, under which rule and why. */
    @Transactional
    public void hide(long actorId, long itemId, int version, ReasonCode reason, String text) {
        hide(actorId, itemId, version, reason, text, null);
    }

    /** Hides content; for illegal content the decision names the law ({@code law}). */
    @Transactional
    public void hide(long actorId, long itemId, int version, ReasonCode reason, String text, String law) {
        steps.changeVisibility(steps.begin(actorId, itemId, version, ModerationAction.HIDE), ReviewStatus.PUBLISHED,
                ReviewStatus.HIDDEN, LogKind.HIDE, reason, ActionSteps.required(text), law);
    }

    /** Shows hidden content again. */
    @Transactional
    public void restore(long actorId, long itemId, int version, ReasonCode reason, String text) {
        steps.changeVisibility(steps.begin(actorId, itemId, version, ModerationAction.RESTORE), ReviewStatus.HIDDEN,
                ReviewStatus.PUBLISHED, LogKind.RESTORE, reason, text, null);
    }

    /** Asks an admin to decide; the item stays open on the Escalated tab. Staff-only. */
    @Transactional
    public void escalate(long actorId, long itemId, int version, String note) {
        ActionSteps.Acting a = steps.begin(actorId, itemId, version, ModerationAction.ESCALATE);
        a.item().escalated = true;
        if (!a.item().open()) {
            a.item().status = QueueItem.Status.OPEN;
            a.item().resolvedAt = null;
            a.item().resolvedBy = null;
            a.item().resolution = null;
        }
        steps.finish(a, "ESCALATE", ActionSteps.required(note), false);
    }

    /** A note for colleagues; never shown to the public or the author. */
    @Transactional
    public void note(long actorId, long itemId, int version, String note) {
        ActionSteps.Acting a = steps.begin(actorId, itemId, version, ModerationAction.NOTE);
        steps.finish(a, "NOTE", ActionSteps.required(note), false);
    }

    /**
     * Closes an item that needs nothing more (an unfounded report, say); nothing public changes. Closing a report or a
     * notice declines it: the reason is required, and the reporter or notifier is told it, with how to contest it.
     */
    @Transactional
    public void close(long actorId, long itemId, int version, String note) {
        ActionSteps.Acting a = steps.begin(actorId, itemId, version, ModerationAction.CLOSE);
        if (a.item().kind == ItemKind.REPORT) {
            settlements.noAction(a, ActionSteps.required(note), true, false);
        } else if (a.item().kind == ItemKind.NOTICE) {
            settlements.noAction(a, ActionSteps.required(note), false, true);
        }
        steps.finish(a, "CLOSE", ActionSteps.blankToNull(note), true);
    }

    /** The open item about this content, or a new one claimed by the moderator who opened it. */
    @Transactional
    public long openCase(long actorId, long reviewId, Long commentId) {
        Account actor = accounts.staff(actorId);
        PostContent content = posts.content(reviewId, commentId).orElseThrow(NotFoundException::new);
        if (!accounts.moderates(actor, content.subjectId())) {
            throw new ForbiddenException("this moderator does not moderate " + content.subjectSlug());
        }
        List<Long> open = em.createQuery("""
                select i.id from QueueItem i where i.reviewId = :review and i.status = 'OPEN'
                  and (i.commentId = :comment or (i.commentId is null and :comment is null)) order by i.dueAt""",
                Long.class)
                .setParameter("review", reviewId).setParameter("comment", commentId).getResultList();
        if (!open.isEmpty()) {
            return open.get(0);
        }
        long id = queue.create(ItemKind.MANUAL, reviewId, commentId, null, "opened-by-staff", null, content.rating(),
                policy.settings());
        QueueItem item = em.find(QueueItem.class, id);
        item.claimedBy = actor.id;
        item.claimedAt = Instant.now();
        return id;
    }
}
