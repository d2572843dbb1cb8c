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
import org.candor.publiclog.LogStaging;
import org.candor.publiclog.PublicLog;
import org.candor.review.PostContent;
import org.candor.review.ModeratedPosts;
import org.candor.review.ReasonsStatement;
import org.candor.review.ReasonsStatement.Detection;
import org.candor.review.ReasonsStatement.Restriction;
import org.candor.review.ReviewStatus;

import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;
import org.candor.policy.ReasonCode;

/**
 * The steps every moderation action is made of ({@link ModerationService} composes them, one transactional method per
 * action): {@link #begin} checks who may act and locks the item; the change is made; {@link #logEntry} writes the
 * public-log entry, {@link #tell} tells the author, and {@link #finish} records the event and announces it.
 */
@ApplicationScoped
class ActionSteps {

    /** The item locked for this action, the content it is about, and who acts. */
    record Acting(Account actor, QueueItem item, PostContent content) {

        String role() {
            return PublicActor.role(actor.role);
        }
    }

    private final EntityManager em;
    private final ModeratedPosts posts;
    private final ModerationQueue queue;
    private final PublicLog log;
    private final AuthorNotices notices;
    private final AccountService accounts;
    private final PublicActor publicActor;
    private final Claims claims;
    private final Reasons reasons;
    private final Settlements settlements;
    private final LogStaging staging;

    ActionSteps(EntityManager em, ModeratedPosts posts, ModerationQueue queue, PublicLog log, AuthorNotices notices,
            AccountService accounts, PublicActor publicActor, Claims claims, Reasons reasons, Settlements settlements,
            LogStaging staging) {
        this.staging = staging;
        this.reasons = reasons;
        this.settlements = settlements;
        this.em = em;
        this.posts = posts;
        this.queue = queue;
        this.log = log;
        this.notices = notices;
        this.accounts = accounts;
        this.publicActor = publicActor;
        this.claims = claims;
    }

    /**
     * Who may act is settled before anything is locked or shown to them: staff, then the subject in their scope; then
     * the item is locked, the version they saw checked, a colleague's claim respected, and the action checked against
     * what the state allows ({@link ModerationAction#allowed}).
     */
    Acting begin(long actorId, long itemId, int version, ModerationAction action) {
        Account actor = accounts.staff(actorId);
        if (!accounts.moderatesAll(actor)) {
            // a scoped moderator is refused an item outside their scope before it is locked (they hold no lock on it);
            // for everyone else the item's subject does not matter: one statement fewer per action (#19)
            Long subject = subjectOf(itemId);
            if (!accounts.moderates(actor, subject)) {
                throw new ForbiddenException("this moderator does not moderate subject " + subject);
            }
        }
        // loaded once, with its lock (it was loaded whole, then again locked: #19)
        QueueItem item = em.find(QueueItem.class, itemId, LockModeType.PESSIMISTIC_WRITE);
        if (item == null) {
            throw new NotFoundException();
        }
        if (item.version != version) {
            throw new ConflictException(itemId, "the item changed since it was shown");
        }
        if (claims.heldByOther(item, actorId) && actor.role != Role.ADMIN) {
            throw new ConflictException(itemId, "a colleague holds the item");
        }
        PostContent content = posts.content(item.reviewId, item.commentId).orElseThrow(NotFoundException::new);
        if (!ModerationAction.allowed(item.kind, content.status(), content.isComment(), item.open()).contains(action)) {
            throw new ConflictException(itemId, action + " is not possible while the content is " + content.status());
        }
        return new Acting(actor, item, content);
    }

    /**
     * The subject of the item's review, read without the item itself; the item carries it (one made in this
     * transaction not yet: the review says).
     */
    private Long subjectOf(long itemId) {
        List<Tuple> found = Sql.tuples(em.createNativeQuery(
                "select subject_id as subject_id, review_id as review_id, comment_id as comment_id from queue_item"
                        + " where id = ?1", Tuple.class).setParameter(1, itemId));
        if (found.isEmpty()) {
            throw new NotFoundException();
        }
        Tuple row = found.get(0);
        Long subject = Sql.number(row, "subject_id");
        return subject != null ? subject
                : posts.content(Sql.number(row, "review_id"), Sql.number(row, "comment_id"))
                        .orElseThrow(NotFoundException::new).subjectId();
    }

    /**
     * For a preview, nothing changed: the same checks of who may act and what the state allows as
     * {@link #begin}, without a lock, a version or a claim.
     */
    Acting peek(long actorId, long itemId, ModerationAction action) {
        Account actor = accounts.staff(actorId);
        QueueItem item = em.find(QueueItem.class, itemId);
        if (item == null) {
            throw new NotFoundException();
        }
        PostContent content = posts.content(item.reviewId, item.commentId).orElseThrow(NotFoundException::new);
        if (!accounts.moderates(actor, content.subjectId())) {
            throw new ForbiddenException("this moderator does not moderate " + content.subjectSlug());
        }
        if (!ModerationAction.allowed(item.kind, content.status(), content.isComment(), item.open()).contains(action)) {
            throw new ConflictException(itemId, action + " is not possible while the content is " + content.status());
        }
        return new Acting(actor, item, content);
    }

    /** A text the action cannot do without (the public why of a hide, a note): refused when blank. */
    static String required(String text) {
        return required(text, "text");
    }

    static String required(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidActionException(field, "{candor.moderation.text.required}");
        }
        return text.strip();
    }

    /** Every change the public sees names the rule it applies. */
    static ReasonCode reason(ReasonCode reason) {
        if (reason == null) {
            throw new InvalidActionException("reason", "{candor.moderation.reason}");
        }
        return reason;
    }


    /**
     * Publish, hide or restore: moves the content from one status to another (a colleague who moved it first, from
     * another item, wins), records why, writes the log entry, tells the author and resolves the item.
     */
    void changeVisibility(Acting a, ReviewStatus from, ReviewStatus to, LogKind kind, ReasonCode reason,
            String text, String law) {
        reason(reason);
        law = law(reason, law);
        requireStatus(a, from);
        if (posts.changeStatus(a.content.reviewId(), a.content.commentId(), to) != from) {
            throw new ConflictException(a.item.id, "the content changed while acting");
        }
        long seq = logEntry(a, kind, reason, text, null);
        ReasonsStatement statement = null;
        switch (kind) {
            case HIDE -> statement = restrict(a, Restriction.HIDE, text, true, reason, law);
            case PUBLISH -> reasons.end(a.content.reviewId(), a.content.commentId(),
                    List.of(Restriction.HOLD, Restriction.KEEP_HELD), "PUBLISHED");
            case RESTORE -> reasons.end(a.content.reviewId(), a.content.commentId(), List.of(Restriction.HIDE),
                    "RESTORED");
            default -> {
            }
        }
        visibility(a, kind.name(), reason, text, statement);
        tell(a, kind.name(), reason, text, seq, statement);
        if (kind == LogKind.HIDE) {
            settlements.actionTaken(a, text);
        }
        finish(a, kind.name(), text, true);
    }

    /**
     * Records the statement of reasons of a restriction a moderator applies on this item; the detection is what
     * brought the item (a word rule, a report, a notice, or staff).
     */
    ReasonsStatement restrict(Acting a, Restriction restriction, String facts, boolean factsPublic, ReasonCode reason,
            String law) {
        return restrict(a, restriction, facts, factsPublic, reason, law, Reasons.detection(a.item));
    }

    ReasonsStatement restrict(Acting a, Restriction restriction, String facts, boolean factsPublic, ReasonCode reason,
            String law, Detection detection) {
        return reasons.impose(a.content, new Reasons.Decision(restriction, facts, factsPublic, reason, law, detection,
                Reasons.humanDecision(detection), a.actor, Reasons.ruleName(a.item.why, detection)));
    }

    /** The law a decision on illegal content names: required then, ignored otherwise. */
    static String law(ReasonCode reason, String law) {
        if (reason != ReasonCode.ILLEGAL) {
            return null;
        }
        if (law == null || law.isBlank()) {
            throw new InvalidActionException("law", "{candor.moderation.law}");
        }
        return law.strip();
    }

    static void requireStatus(Acting a, ReviewStatus status) {
        if (a.content.status() != status) {
            throw new ConflictException(a.item.id, "the content is " + a.content.status() + ", not " + status);
        }
    }

    void finish(Acting a, String action, String note, boolean resolve) {
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
        queue.record(item.id, a.actor.id, action, note);
    }

    void visibility(Acting a, String action, ReasonCode reason, String text, ReasonsStatement statement) {
        em.createNativeQuery("""
                insert into visibility_change (review_id, comment_id, action, reason_code, reason_text, actor_id,
                    statement_id)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, a.content.reviewId()).setParameter(2, a.content.commentId()).setParameter(3, action)
                .setParameter(4, reason.name()).setParameter(5, blankToNull(text)).setParameter(6, a.actor.id)
                .setParameter(7, new TypedParameterValue<>(StandardBasicTypes.LONG,
                        statement == null ? null : statement.id()))
                .executeUpdate();
    }

    void insertAnnotation(Acting a, String text, ReasonsStatement statement) {
        em.createNativeQuery("""
                insert into annotation (review_id, comment_id, author_id, body, statement_id)
                values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, a.content.reviewId()).setParameter(2, a.content.commentId())
                .setParameter(3, a.actor.id).setParameter(4, text).setParameter(5, statement.id())
                .executeUpdate();
    }

    /** Writes the action's public-log entry; returns its sequence number (the author's receipt names it). */
    long logEntry(Acting a, LogKind kind, ReasonCode reason, String reasonText, String body) {
        // no unsalted hash of the content: short texts ("Great!") and the rest of a redacted one can be guessed from it
        return log.append(draft(a, kind, reason, blankToNull(reasonText), body)).seq();
    }

    PublicLog.Draft draft(Acting a, LogKind kind, ReasonCode reason, String reasonText, String body) {
        return new PublicLog.Draft(kind, a.content.subjectId(), a.content.subjectSlug(), a.content.reviewId(),
                a.content.commentId(), a.role(), publicActor.handle(a.actor),
                reason == null ? null : reason.name(),
                reasonText, body, null, Reasons.publicRule(a.item.why));
    }

    /** Tells the author; {@code logSeq} is the action's public-log entry, whose receipt the e-mail links to. */
    void tell(Acting a, String action, ReasonCode reason, String message, Long logSeq) {
        tell(a, action, reason, message, logSeq, null);
    }

    void tell(Acting a, String action, ReasonCode reason, String message, Long logSeq, ReasonsStatement statement) {
        notices.tell(notice(a, action, reason, message, logSeq, statement));
    }

    /**
     * Stages the action's public-log entry in its transaction instead of appending it: an official reply does not wait
     * for the log head, which every append holds until its commit (#19); the sequencer numbers it within a second.
     * Returns the staged entry's id.
     */
    long stageEntry(Acting a, LogKind kind, String body) {
        return staging.stageAction(draft(a, kind, null, null, body));
    }

    /** Tells the author of an action whose entry is staged; the e-mail links the receipt once the entry is numbered. */
    void tellStaged(Acting a, String action, String message, long stagedEntry) {
        notices.tell(notice(a, action, null, message, null, null), stagedEntry);
    }

    private static AuthorNotices.Notice notice(Acting a, String action, ReasonCode reason, String message, Long logSeq,
            ReasonsStatement statement) {
        return new AuthorNotices.Notice(a.content.authorId(), a.content.reviewId(), a.content.commentId(),
                a.content.subjectSlug(), a.content.subjectName(), action, reason, blankToNull(message), logSeq,
                statement);
    }

    /**
     * A column of an active canned response or offer this actor's role may use; an admin-only one is refused to
     * moderators.
     */
    String allowed(Acting a, String table, String column, long id, String field, String unknown) {
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

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
