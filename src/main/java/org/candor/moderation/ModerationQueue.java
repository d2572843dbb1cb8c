package org.candor.moderation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import org.candor.policy.ModerationPolicy;
import org.candor.policy.Settings;
import org.candor.publiclog.LogKind;
import org.candor.publiclog.LogStaging;
import org.candor.publiclog.LogText;
import org.candor.publiclog.PublicLog;
import org.candor.review.ModeratedPosts;
import org.candor.review.PostContent;
import org.candor.review.PostEvent;
import org.candor.review.ReasonsStatement;
import org.candor.review.ReasonsStatement.Automation;
import org.candor.review.ReasonsStatement.Detection;
import org.candor.review.ReasonsStatement.Restriction;

/**
 * Puts content in front of moderators. Posting tells it what arrived by events observed inside the posting
 * transaction ({@link PostEvent}), so a post and its queue item commit together. Every change to an item is announced on the PostgreSQL channel
 * {@value #CHANNEL} ({@code <item id>:<subject id>} as payload); NOTIFY is delivered at commit, to every instance.
 */
@ApplicationScoped
public class ModerationQueue {

    public static final String CHANNEL = "candor_queue";

    private final EntityManager em;
    private final ModerationPolicy policy;
    private final Reasons reasons;
    private final ModeratedPosts posts;
    private final AuthorNotices notices;
    private final LogStaging staging;

    private final Alerts alerts;

    ModerationQueue(EntityManager em, ModerationPolicy policy, Reasons reasons, ModeratedPosts posts,
            AuthorNotices notices, LogStaging staging, Alerts alerts) {
        this.alerts = alerts;
        this.staging = staging;
        this.em = em;
        this.policy = policy;
        this.reasons = reasons;
        this.posts = posts;
        this.notices = notices;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // What posting tells moderation (review/PostEvent), observed in the posting transaction

    void posted(@Observes PostEvent.ReviewPosted e) {
        newReview(e.reviewId(), e.rating(), e.verdict(), e.settings());
        if (!e.verdict().published()) {
            holdStatement(e.reviewId(), null, e.verdict().rule());
        }
    }

    void held(@Observes PostEvent.Held e) {
        held(e.reviewId(), e.commentId(), e.rating(), e.rule(), e.matched());
        holdStatement(e.reviewId(), e.commentId(), e.rule());
    }

    /**
     * A post the policy holds gets its statement of reasons, and its author is told: by a word rule, "automated
     * detection, human decision pending"; by pre-moderation, the policy's hold. Once per hold: an edit of a post
     * already held adds none.
     */
    private void holdStatement(long reviewId, Long commentId, String rule) {
        if (reasons.inForce(reviewId, commentId, Restriction.HOLD.visibility)) {
            return;
        }
        PostContent content = posts.content(reviewId, commentId).orElseThrow();
        // on the log as received and held, then the hold's statement: both staged, as a published post's entry is, so
        // posting never waits for the log's head (the statement's log number is filled in when they are sequenced)
        LogText received = LogText.of(content.title() == null ? content.body() : content.title() + "\n" + content.body());
        staging.stage(new PublicLog.Draft(LogKind.RECEIVED_HELD, content.subjectId(), content.subjectSlug(), reviewId,
                commentId, "customer", null, null, null, null, null, ModerationPolicy.publicRule(rule),
                content.isComment() ? null : content.rating(), received.commitment()), received.salt());
        Detection detection = Reasons.byRule(rule) ? Detection.WORD_RULE : Detection.PRE_MODERATION;
        ReasonsStatement statement = reasons.imposeStaged(content, new Reasons.Decision(Restriction.HOLD,
                Reasons.holdFacts(rule), false, null, null, detection, Automation.AUTOMATED, null,
                Reasons.ruleName(rule, detection)));
        notices.tell(new AuthorNotices.Notice(content.authorId(), reviewId, commentId, content.subjectSlug(),
                content.subjectName(), "HOLD", null, statement.facts(), statement.logSeq(), statement));
    }

    void flagged(@Observes PostEvent.Flagged e) {
        flagged(e.reviewId(), e.commentId(), e.rating(), e.rule(), e.matched());
    }

    void reported(@Observes PostEvent.Reported e) {
        reported(e.reviewId(), e.commentId(), e.reportId(), e.reason(), e.rating());
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A post policy holds: it waits for a moderator to publish it. One open item per post. */
    @Transactional(TxType.MANDATORY)
    public long held(long reviewId, Long commentId, int rating, String rule, String matched) {
        return openOnce(ItemKind.HELD, reviewId, commentId, rule, matched, rating, policy.settings());
    }

    /** A published post a word rule flagged: it stays public and waits for a moderator to look. */
    @Transactional(TxType.MANDATORY)
    public long flagged(long reviewId, Long commentId, int rating, String rule, String matched) {
        return openOnce(ItemKind.FLAG, reviewId, commentId, rule, matched, rating, policy.settings());
    }

    /** A published review without an official reply yet. */
    @Transactional(TxType.MANDATORY)
    public long awaitingReply(long reviewId, int rating) {
        return openOnce(ItemKind.REPLY, reviewId, null, "awaiting-reply", null, rating, policy.settings());
    }

    /**
     * Opens what a brand-new review needs, in one statement: an awaiting-reply item when it is published (and a flag
     * item when a rule flagged it), a held item when it is held; each with its CREATED event and announced. A new
     * review has no open items, so none is looked for.
     */
    @Transactional(TxType.MANDATORY)
    public void newReview(long reviewId, int rating, ModerationPolicy.Verdict verdict, Settings settings) {
        List<String[]> items = new ArrayList<>(2);
        if (verdict.published()) {
            items.add(new String[] { ItemKind.REPLY.name(), "awaiting-reply", null });
        }
        if (verdict.outcome() != ModerationPolicy.Outcome.PUBLISH) {
            ItemKind kind = verdict.published() ? ItemKind.FLAG : ItemKind.HELD;
            items.add(new String[] { kind.name(), verdict.rule(), verdict.matched() });
        }
        StringBuilder rows = new StringBuilder();
        for (int row = 0; row < items.size(); row++) {
            int p = 4 + 3 * row;
            rows.append(row == 0 ? "" : ", ").append("(?").append(p).append(", ?").append(p + 1).append(", ?").append(p + 2)
                    .append(")");
        }
        Query open = em.createNativeQuery("""
                with i as (
                    insert into queue_item (kind, review_id, why, matched, due_at)
                    select k.kind, ?1, k.why, k.matched, ?2 from (values %s) as k(kind, why, matched)
                    returning id, why, review_id),
                e as (
                    insert into queue_event (item_id, action, note) select id, 'CREATED', why from i)
                select count(pg_notify(?3, i.id::text || ':' || r.subject_id::text)) from i join review r on r.id = i.review_id"""
                .formatted(rows))
                .setParameter(1, reviewId)
                .setParameter(2, Timestamp.from(Instant.now().plus(settings.target(rating))))
                .setParameter(3, CHANNEL);
        for (int row = 0; row < items.size(); row++) {
            for (int column = 0; column < 3; column++) {
                open.setParameter(4 + 3 * row + column, new TypedParameterValue<>(StandardBasicTypes.STRING,
                        items.get(row)[column]));
            }
        }
        open.getSingleResult();
    }

    /** A customer's report; further reports on the same content join the open item. */
    @Transactional(TxType.MANDATORY)
    public long reported(long reviewId, Long commentId, long reportId, String reason, int rating) {
        List<QueueItem> open = openItems(ItemKind.REPORT, reviewId, commentId);
        if (!open.isEmpty()) {
            QueueItem item = open.get(0);
            record(item.id, null, "REPORTED", reason);
            return item.id;
        }
        return create(ItemKind.REPORT, reviewId, commentId, reportId, reason, null, rating, policy.settings());
    }

    /** Resolves the open items of this kind about the post (a hold reversed on appeal, say), announcing each. */
    @Transactional(TxType.MANDATORY)
    public void resolveOpen(ItemKind kind, long reviewId, Long commentId, long actorId, String resolution) {
        for (QueueItem item : openItems(kind, reviewId, commentId)) {
            em.lock(item, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            item.status = QueueItem.Status.DONE;
            item.resolvedAt = Instant.now();
            item.resolvedBy = actorId;
            item.resolution = resolution;
            item.updatedAt = Instant.now();
            em.flush();
            record(item.id, actorId, resolution, null);
        }
    }

    /** The open item of this kind for this content, if any. */
    List<QueueItem> openItems(ItemKind kind, long reviewId, Long commentId) {
        return em.createQuery("""
                from QueueItem i where i.kind = :kind and i.reviewId = :review and i.status = 'OPEN'
                  and (i.commentId = :comment or (i.commentId is null and :comment is null))""", QueueItem.class)
                .setParameter("kind", kind).setParameter("review", reviewId).setParameter("comment", commentId)
                .getResultList();
    }

    /** An appeal, on its own tab, due within the response target of the post's rating. */
    @Transactional(TxType.MANDATORY)
    public long appealed(long appealId, long reviewId, Long commentId, int rating) {
        return create(ItemKind.APPEAL, reviewId, commentId, null, "appeal", null, rating, policy.settings(),
                item -> item.appealId = appealId);
    }

    /** A notice of illegal content, on its own tab. */
    @Transactional(TxType.MANDATORY)
    public long noticed(long legalNoticeId, long reviewId, Long commentId, int rating) {
        return create(ItemKind.NOTICE, reviewId, commentId, null, "notice", null, rating, policy.settings(),
                item -> item.legalNoticeId = legalNoticeId);
    }

    long create(ItemKind kind, long reviewId, Long commentId, Long reportId, String why, String matched, int rating,
            Settings settings) {
        return create(kind, reviewId, commentId, reportId, why, matched, rating, settings, item -> {
        });
    }

    private long create(ItemKind kind, long reviewId, Long commentId, Long reportId, String why, String matched,
            int rating, Settings settings, java.util.function.Consumer<QueueItem> about) {
        QueueItem item = new QueueItem();
        about.accept(item);
        item.kind = kind;
        item.reviewId = reviewId;
        item.commentId = commentId;
        item.reportId = reportId;
        item.why = why;
        item.matched = matched;
        item.dueAt = Instant.now().plus(settings.target(rating));
        em.persist(item);
        em.flush();
        record(item.id, null, "CREATED", why);
        if (kind == ItemKind.REPORT || kind == ItemKind.NOTICE || kind == ItemKind.APPEAL) {
            alerts.raise(new Alerts.Source.Item(item.id));
        }
        return item.id;
    }

    private long openOnce(ItemKind kind, long reviewId, Long commentId, String why, String matched, int rating,
            Settings settings) {
        List<QueueItem> open = openItems(kind, reviewId, commentId);
        return open.isEmpty() ? create(kind, reviewId, commentId, null, why, matched, rating, settings) : open.get(0).id;
    }

    /**
     * Records what happened to an item and announces it: tells every instance, at commit, that this item changed
     * ({@code <item id>:<subject id>}, so each moderator's stream passes on only the items of the subjects they
     * moderate). One statement: each round trip was a share of a moderator's action (#19).
     */
    void record(long itemId, Long actorId, String action, String note) {
        em.createNativeQuery("""
                with e as (insert into queue_event (item_id, actor_id, action, note) values (?2, ?3, ?4, ?5))
                select count(pg_notify(?1, i.id::text || ':' || r.subject_id::text))
                from queue_item i join review r on r.id = i.review_id where i.id = ?2""")
                .setParameter(1, CHANNEL).setParameter(2, itemId).setParameter(3, actorId).setParameter(4, action)
                .setParameter(5, note).getSingleResult();
    }
}
