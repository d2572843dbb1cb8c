package org.candor.support;

import java.util.UUID;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

import org.candor.account.Account;
import org.candor.account.Role;
import org.candor.review.Review;
import org.candor.review.Forms;
import org.candor.review.ReviewPosting;
import org.candor.subject.Subject;
import org.candor.subject.SubjectKind;
import org.candor.web.PublicPages;

/** Creates rows for tests, each in its own committed transaction, with names that never collide between tests. */
public final class TestData {

    private TestData() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Subject subject(String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Subject s = new Subject();
            s.slug = unique(name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", ""));
            s.name = name;
            s.kind = SubjectKind.PRODUCT;
            s.description = "About " + name;
            s.persist();
            return s;
        });
    }

    public static Account account(String name, Role role) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Account a = new Account();
            a.provider = "test";
            a.providerSubject = unique("sub");
            a.displayName = name;
            a.role = role;
            a.persist();
            return a;
        });
    }

    /** A published review, written through the service as a customer would (counted in the rating summary). */
    public static Review publishedReview(Subject subject, Account author, int rating, String body) {
        Review review = QuarkusTransaction.requiringNew().call(() -> {
            long id = Arc.container().instance(ReviewPosting.class).get()
                    .write(author.id, subject.slug, Forms.ReviewForm.of(rating, null, body)).reviewId();
            return Review.<Review>findById(id);
        });
        settle();
        return review;
    }

    /** The account this identity signs in to (the one it made, or the one it was linked to). */
    public static Account accountOf(String provider, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> (Account) Review.getEntityManager().createNativeQuery(
                "select a.* from account a join account_identity i on i.account_id = a.id where i.provider = ?1 "
                        + "and i.subject = ?2", Account.class).setParameter(1, provider).setParameter(2, subject)
                .getResultStream().findFirst().orElse(null));
    }

    /** Runs SQL as the application would, in its own transaction, and returns the first column of the first row. */
    public static Object sql(String query, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = query(query, params);
            var rows = q.getResultList();
            return rows.isEmpty() ? null : rows.get(0);
        });
    }

    /** Runs SQL in its own transaction and returns the first column of every row. */
    public static java.util.List<Object> sqlList(String query, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = query(query, params);
            @SuppressWarnings("unchecked")
            java.util.List<Object> rows = q.getResultList();
            return rows;
        });
    }

    public static int update(String statement, Object... params) {
        int changed = QuarkusTransaction.requiringNew().call(() -> {
            var q = query(statement, params);
            return q.executeUpdate();
        });
        settle();
        return changed;
    }

    /**
     * Runs one statement in its own transaction with the database's change triggers off: a change nobody announces
     * (no NOTIFY), as one made by hand or by a tool that bypasses them would be; returns how many rows it changed.
     */
    public static int unannounced(String statement, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Review.getEntityManager().createNativeQuery("set local session_replication_role = replica").executeUpdate();
            return query(statement, params).executeUpdate();
        });
    }

    private static jakarta.persistence.Query query(String statement, Object... params) {
        var q = Review.getEntityManager().createNativeQuery(statement);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q;
    }

    /**
     * Waits until the app has heard of everything committed so far, so its rendered-page cache has dropped what those
     * changes touch (requests through the app wait for this themselves; changes made straight in the database do not).
     */
    public static void settle() {
        Arc.container().instance(PublicPages.class).get().caughtUp().await().atMost(java.time.Duration.ofSeconds(2));
    }
}
