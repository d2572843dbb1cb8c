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
import org.candor.review.ReviewService;
import org.candor.review.ReviewStatus;

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
    private final ReviewService reviews;
    private final ModerationQueue queue;
    private final PublicLog log;
    private final AuthorNotices notices;
    private final ModerationPolicy policy;
    private final AccountService accounts;
    private final PublicActor publicActor;
    private final Claims claims;

    ModerationService(EntityManager em, ReviewService reviews, ModerationQueue queue, PublicLog log,
            AuthorNotices notices, ModerationPolicy policy, AccountService accounts,
            PublicActor publicActor, Claims claims) {
        this.publicActor = publicActor;
        this.claims = claims;
        this.accounts = accounts;
        this.em = em;
        this.reviews = reviews;
        this.queue = queue;
        this.log = log;
        this.notices = notices;
        this.policy = policy;
    }

    /** The item locked for this action, the content it is about, and who acts. */
    private record Acting(Account actor, QueueItem item, PostContent content) {

        String role() {
            return PublicActor.role(actor.role);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Claims

    /** Assigns the item to the acting moderator, so colleagues know it is being handled. */
    @Transactional
    public void take(long actorId, long itemId, int version) {
        Acting a = begin(actorId, itemId, version, ModerationAction.TAKE);
        a.item.claimedBy = actorId;
        a.item.claimedAt = Instant.now();
        finish(a, "TAKEN", null, false);
    }

    /** Gives a claimed item back to the queue. */
    @Transactional
    public void release(long actorId, long itemId, int version) {
        Acting a = begin(actorId, itemId, version, ModerationAction.RELEASE);
        a.item.claimedBy = null;
        a.item.claimedAt = null;
        finish(a, "RELEASED", null, false);
    }

    /** An admin hands the item to another staff member. */
    @Transactional
    public void reassign(long actorId, long itemId, int version, long toAccountId) {
        Acting a = begin(actorId, itemId, version, ModerationAction.REASSIGN);
        if (a.actor.role != Role.ADMIN) {
            throw new ForbiddenException("only admins reassign items");
        }
        Account to = em.find(Account.class, toAccountId);
        if (to == null || to.role == Role.CUSTOMER) {
            throw new InvalidActionException("assignee", "{candor.moderation.assignee}");
        }
        a.item.claimedBy = to.id;
        a.item.claimedAt = Instant.now();
        finish(a, "REASSIGNED", to.publicHandle(), false);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Decisions

    /** Publishes a post that policy held. */
    @Transactional
    public void publish(long actorId, long itemId, int version, ReasonCode reason, String text) {
        Acting a = begin(actorId, itemId, version, ModerationAction.PUBLISH);
        changeVisibility(a, ReviewStatus.PENDING, ReviewStatus.PUBLISHED, LogKind.PUBLISH, reason, text);
        if (!a.content.isComment()) {
            queue.awaitingReply(a.content.reviewId(), a.content.rating());
        }
    }

    /** Keeps a held post held, with a message to its author saying why; an edit puts it back in the queue. */
    @Transactional
    public void keepHeld(long actorId, long itemId, int version, ReasonCode reason, String message) {
        Acting a = begin(actorId, itemId, version, ModerationAction.KEEP_HELD);
        requireStatus(a, ReviewStatus.PENDING);
        required(message);
        visibility(a, "KEEP_HELD", reason(reason), message);
        tell(a, "KEEP_HELD", reason, message);
        finish(a, "KEEP_HELD", message, true);
    }

    /**
     * Answers a review in public: free text, or a canned response, with {@code {customer}} and {@code {subject}}
     * filled in.
     */
    @Transactional
    public long reply(long actorId, long itemId, int version, String body, Long cannedId, Long offerId,
            String complaint) {
        Acting a = begin(actorId, itemId, version, ModerationAction.REPLY);
        if (a.content.isComment()) {
            throw new InvalidActionException("body", "{candor.moderation.reply.comment}");
        }
        String text = body == null ? "" : body.strip();
        String canned = cannedId == null ? null : allowed(a, "canned_response", "body", cannedId, "canned",
                "{candor.moderation.canned.unknown}");
        if (text.isEmpty() && canned != null) {
            text = canned;
        }
        String offer = offerId == null ? null : allowed(a, "offer_type", "name", offerId, "offer",
                "{candor.moderation.offer.unknown}");
        if (text.isEmpty()) {
            throw new InvalidActionException("body", "{candor.moderation.reply.empty}");
        }
        text = text.replace("{customer}", a.content.authorName()).replace("{subject}", a.content.subjectName());
        Long id = ((Number) em.createNativeQuery("""
                insert into official_reply (review_id, author_id, body, canned_id, complaint)
                values (?1, ?2, ?3, ?4, ?5) returning id""")
                .setParameter(1, a.content.reviewId()).setParameter(2, actorId).setParameter(3, text)
                .setParameter(4, cannedId).setParameter(5, complaint == null || complaint.isBlank() ? null : complaint)
                .getSingleResult()).longValue();
        logEntry(a, LogKind.OFFICIAL_REPLY, null, null, text);
        if (offer != null) {
            em.createNativeQuery("""
                    insert into offer_grant (offer_type_id, review_id, reply_id, granted_by) values (?1, ?2, ?3, ?4)""")
                    .setParameter(1, offerId).setParameter(2, a.content.reviewId()).setParameter(3, id)
                    .setParameter(4, actorId).executeUpdate();
            // the kind of offer is public, so every customer can see who got what; codes never are
            logEntry(a, LogKind.OFFER_GRANTED, null, null, offer);
        }
        tell(a, "REPLY", null, text);
        finish(a, "REPLY", null, true);
        return id;
    }

    /** Attaches a visible note to the content; the content stays as it is. */
    @Transactional
    public void annotate(long actorId, long itemId, int version, String body) {
        Acting a = begin(actorId, itemId, version, ModerationAction.ANNOTATE);
        String text = required(body);
        insertAnnotation(a, text);
        logEntry(a, LogKind.ANNOTATION, null, null, text);
        tell(a, "ANNOTATION", null, text);
        finish(a, "ANNOTATION", null, false);
    }

    /**
     * Replaces a span of a review's text (personal data, say) by a visible marker, as a new version; an annotation says
     * why. The original is kept for admins.
     */
    @Transactional
    public void redact(long actorId, long itemId, int version, String span, ReasonCode reason, String text) {
        Acting a = begin(actorId, itemId, version, ModerationAction.REDACT);
        if (a.content.isComment()) {
            throw new InvalidActionException("span", "{candor.moderation.redact.comment}");
        }
        reason(reason);
        String original = reviews.redact(a.content.reviewId(), required(span, "span"), REDACTION_MARKER, actorId)
                .orElseThrow(() -> new InvalidActionException("span", "{candor.moderation.span.missing}"));
        em.createNativeQuery("""
                insert into redaction (review_id, revision, span, original, reason_code, reason_text, actor_id)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, a.content.reviewId()).setParameter(2, reviews.revision(a.content.reviewId()))
                .setParameter(3, span).setParameter(4, original).setParameter(5, reason.name())
                .setParameter(6, blankToNull(text)).setParameter(7, actorId)
                .executeUpdate();
        String note = blankToNull(text) == null ? "Personal data removed by a moderator."
                : "Text removed by a moderator: " + text.strip();
        insertAnnotation(a, note);
        // no hash of what was removed: the rest of the text is public, so a hash would let anyone guess it back
        log.append(draft(a, LogKind.REDACT, reason, blankToNull(text), note, null));
        tell(a, "REDACT", reason, text);
        finish(a, "REDACT", text, false);
    }

    /** Replaces the content in public by a notice saying who hid it, when, under which rule and why. */
    @Transactional
    public void hide(long actorId, long itemId, int version, ReasonCode reason, String text) {
        changeVisibility(begin(actorId, itemId, version, ModerationAction.HIDE), ReviewStatus.PUBLISHED,
                ReviewStatus.HIDDEN, LogKind.HIDE, reason, required(text));
    }

    /** Shows hidden content again. */
    @Transactional
    public void restore(long actorId, long itemId, int version, ReasonCode reason, String text) {
        changeVisibility(begin(actorId, itemId, version, ModerationAction.RESTORE), ReviewStatus.HIDDEN,
                ReviewStatus.PUBLISHED, LogKind.RESTORE, reason, text);
    }

    /** Asks an admin to decide; the item stays open on the Escalated tab. Staff-only. */
    @Transactional
    public void escalate(long actorId, long itemId, int version, String note) {
        Acting a = begin(actorId, itemId, version, ModerationAction.ESCALATE);
        a.item.escalated = true;
        if (!a.item.open()) {
            a.item.status = QueueItem.Status.OPEN;
            a.item.resolvedAt = null;
            a.item.resolvedBy = null;
            a.item.resolution = null;
        }
        finish(a, "ESCALATE", required(note), false);
    }

    /** A note for colleagues; never shown to the public or the author. */
    @Transactional
    public void note(long actorId, long itemId, int version, String note) {
        Acting a = begin(actorId, itemId, version, ModerationAction.NOTE);
        finish(a, "NOTE", required(note), false);
    }

    /** Closes an item that needs nothing more (an unfounded report, say); nothing public changes. */
    @Transactional
    public void close(long actorId, long itemId, int version, String note) {
        Acting a = begin(actorId, itemId, version, ModerationAction.CLOSE);
        if (a.item.kind == ItemKind.REPORT) {
            em.createNativeQuery("update report set status = 'RESOLVED' where review_id = ?1 and status = 'OPEN' "
                    + "and comment_id is not distinct from ?2")
                    .setParameter(1, a.content.reviewId()).setParameter(2, a.content.commentId()).executeUpdate();
        }
        finish(a, "CLOSE", blankToNull(note), true);
    }

    /** The open item about this content, or a new one claimed by the moderator who opened it. */
    @Transactional
    public long openCase(long actorId, long reviewId, Long commentId) {
        Account actor = accounts.staff(actorId);
        PostContent content = reviews.content(reviewId, commentId).orElseThrow(NotFoundException::new);
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

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Who may act is settled before anything is locked or shown to them: staff, then the subject in their scope; then
     * the item is locked, the version they saw checked, a colleague's claim respected, and the action checked against
     * what the state allows ({@link ModerationAction#allowed}).
     */
    private Acting begin(long actorId, long itemId, int version, ModerationAction action) {
        Account actor = accounts.staff(actorId);
        QueueItem item = em.find(QueueItem.class, itemId);
        if (item == null) {
            throw new NotFoundException();
        }
        PostContent seen = reviews.content(item.reviewId, item.commentId).orElseThrow(NotFoundException::new);
        if (!accounts.moderates(actor, seen.subjectId())) {
            throw new ForbiddenException("this moderator does not moderate " + seen.subjectSlug());
        }
        em.refresh(item, LockModeType.PESSIMISTIC_WRITE);
        if (item.version != version) {
            throw new ConflictException(itemId, "the item changed since it was shown");
        }
        if (claims.heldByOther(item, actorId) && actor.role != Role.ADMIN) {
            throw new ConflictException(itemId, "a colleague holds the item");
        }
        PostContent content = reviews.content(item.reviewId, item.commentId).orElseThrow(NotFoundException::new);
        if (!ModerationAction.allowed(content.status(), content.isComment(), item.open()).contains(action)) {
            throw new ConflictException(itemId, action + " is not possible while the content is " + content.status());
        }
        return new Acting(actor, item, content);
    }

    /** A text the action cannot do without (the public why of a hide, a note): refused when blank. */
    private static String required(String text) {
        return required(text, "text");
    }

    private static String required(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidActionException(field, "{candor.moderation.text.required}");
        }
        return text.strip();
    }

    /** Every change the public sees names the rule it applies. */
    private static ReasonCode reason(ReasonCode reason) {
        if (reason == null) {
            throw new InvalidActionException("reason", "{candor.moderation.reason}");
        }
        return reason;
    }


    /**
     * Publish, hide or restore: moves the content from one status to another (a colleague who moved it first, from
     * another item, wins), records why, writes the log entry, tells the author and resolves the item.
     */
    private void changeVisibility(Acting a, ReviewStatus from, ReviewStatus to, LogKind kind, ReasonCode reason,
            String text) {
        reason(reason);
        requireStatus(a, from);
        if (reviews.changeStatus(a.content.reviewId(), a.content.commentId(), to) != from) {
            throw new ConflictException(a.item.id, "the content changed while acting");
        }
        visibility(a, kind.name(), reason, text);
        logEntry(a, kind, reason, text, null);
        tell(a, kind.name(), reason, text);
        finish(a, kind.name(), text, true);
    }

    private static void requireStatus(Acting a, ReviewStatus status) {
        if (a.content.status() != status) {
            throw new ConflictException(a.item.id, "the content is " + a.content.status() + ", not " + status);
        }
    }

    private void finish(Acting a, String action, String note, boolean resolve) {
        Instant now = Instant.now();
        QueueItem item = a.item;
        item.updatedAt = now;
        if (item.claimedBy != null && item.claimedBy == a.actor.id) {
            item.claimedAt = now;
        }
        if (resolve) {
            item.status = QueueItem.Status.DONE;
            item.resolvedAt = now;
            item.resolvedBy = a.actor.id;
            item.resolution = action;
            item.escalated = false;
        }
        em.flush();
        queue.event(item.id, a.actor.id, action, note);
        queue.announce(item.id);
    }

    private void visibility(Acting a, String action, ReasonCode reason, String text) {
        em.createNativeQuery("""
                insert into visibility_change (review_id, comment_id, action, reason_code, reason_text, actor_id)
                values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, a.content.reviewId()).setParameter(2, a.content.commentId()).setParameter(3, action)
                .setParameter(4, reason.name()).setParameter(5, blankToNull(text)).setParameter(6, a.actor.id)
                .executeUpdate();
    }

    private void insertAnnotation(Acting a, String text) {
        em.createNativeQuery("insert into annotation (review_id, comment_id, author_id, body) values (?1, ?2, ?3, ?4)")
                .setParameter(1, a.content.reviewId()).setParameter(2, a.content.commentId())
                .setParameter(3, a.actor.id).setParameter(4, text)
                .executeUpdate();
    }

    private void logEntry(Acting a, LogKind kind, ReasonCode reason, String reasonText, String body) {
        // no unsalted hash of the content: short texts ("Great!") and the rest of a redacted one can be guessed from it
        log.append(draft(a, kind, reason, blankToNull(reasonText), body, null));
    }

    private PublicLog.Draft draft(Acting a, LogKind kind, ReasonCode reason, String reasonText, String body,
            String contentSha256) {
        return new PublicLog.Draft(kind, a.content.subjectId(), a.content.subjectSlug(), a.content.reviewId(),
                a.content.commentId(), a.role(), publicActor.handle(a.actor),
                reason == null ? null : reason.name(),
                reasonText, body, contentSha256);
    }

    private void tell(Acting a, String action, ReasonCode reason, String message) {
        notices.tell(new AuthorNotices.Notice(a.content.authorId(), a.content.reviewId(), a.content.commentId(),
                a.content.subjectSlug(), a.content.subjectName(), action, reason, blankToNull(message)));
    }

    /**
     * A column of an active canned response or offer this actor's role may use; an admin-only one is refused to
     * moderators.
     */
    private String allowed(Acting a, String table, String column, long id, String field, String unknown) {
        List<Tuple> found = Sql.tuples(em.createNativeQuery("select " + column + " as text, allowed_role as allowed_role from "
                + table + " where id = ?1 and active", Tuple.class).setParameter(1, id));
        if (found.isEmpty()) {
            throw new InvalidActionException(field, unknown);
        }
        Tuple row = found.get(0);
        if ("ADMIN".equals(Sql.text(row, "allowed_role")) && a.actor.role != Role.ADMIN) {
            throw new ForbiddenException("only admins may use this " + field);
        }
        return Sql.text(row, "text");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
