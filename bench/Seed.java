import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.candor.publiclog.LogEntry;
import org.candor.publiclog.LogText;
import org.candor.publiclog.LogKind;
import org.candor.publiclog.Merkle;

/**
 * Fills a migrated, empty Candor database with a realistic board for benchmarks: one account per review, subjects
 * with a skewed (Zipf-like) share of the reviews, comments, official replies, annotations, hidden reviews with their
 * notices, and a public log whose entries and Merkle nodes are computed exactly as the application computes them
 * (the verifier checks it); and the moderators' side of a busy board: staff accounts created long after the first
 * customers (the newest reviews are answered by them), a backlog of open queue items in every tab the seed can fill
 * (held, awaiting a reply, reported, flagged, notices of illegal content, appeals against declined reports; some
 * escalated) on the newest reviews, with the notices, reports and appeals they are about, and the resolved items of
 * every answered review. Statistics are taken after all of it. Everything goes in with COPY. Usage: {@code java -cp <candor jars> bench/Seed.java
 * <jdbc url> <reviews>}; see {@code bench/seed}.
 */
public class Seed {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int reviews = Integer.parseInt(args[1]);
        // optional: about this many public-log entries; moderators annotate more reviews to reach it
        int logTarget = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        double extraNotes = Math.max(0, (double) logTarget / reviews - 0.37);
        int subjects = Math.max(10, reviews / 1000);
        // the newest reviews each have one open queue item: 50,000 on the 1M board, a fifth of the reviews on small ones
        int open = Math.min(50_000, reviews / 5);
        // staff accounts made after every customer (ids above theirs): they answer the newest reviews
        int recentStaff = 20;
        long firstRecentStaff = reviews + 3L;
        Random random = new Random(42);
        Instant start = Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        long t0 = System.nanoTime();
        long logSize;
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            CopyManager copy = ((PGConnection) c).getCopyAPI();
            try (Statement st = c.createStatement()) {
                if (count(st, "select count(*) from review") > 0) {
                    throw new IllegalStateException("the database already has reviews; seed an empty one");
                }
                // no application is running on this new database: skip the triggers that tell instances of changes
                st.execute("set session_replication_role = replica");
            }

            StringBuilder rows = new StringBuilder();
            // staff: one moderator who answers, one admin
            rows.append("1\tbench\tmoderator\tMo Bench\tMODERATOR\tMo\n2\tbench\tadmin\tAda Bench\tADMIN\t\\N\n");
            for (int a = 0; a < reviews; a++) {
                rows.append(a + 3).append("\tbench\tc").append(a).append("\tCustomer ").append(a).append("\tCUSTOMER\t\\N\n");
            }
            for (int k = 0; k < recentStaff; k++) {
                rows.append(firstRecentStaff + k).append("\tbench\tmod").append(k).append("\tModerator ").append(k)
                        .append("\tMODERATOR\tM").append(k).append('\n');
            }
            copy(copy, "account (id, provider, provider_subject, display_name, role, staff_handle)", rows);

            // the policy posts are judged by: a few word rules, as a board would have
            rows.append("free money\tf\tREJECT\nscam\tf\tHOLD\nrefund\tf\tFLAG\n")
                    .append("\\\\b\\\\d{3}[ -]?\\\\d{3}[ -]?\\\\d{4}\\\\b\tt\tFLAG\n");
            copy(copy, "word_rule (pattern, is_regex, action)", rows);

            rows.setLength(0);
            for (int s = 0; s < subjects; s++) {
                String slug = s == 0 ? "busiest" : "subject-" + s;
                rows.append(s + 1).append('\t').append(slug).append("\tSubject ").append(s)
                        .append("\tA benchmark subject.\tPRODUCT\n");
            }
            copy(copy, "subject (id, slug, name, description, kind)", rows);

            // reviews: subject by a Zipf-like draw (the busiest subject gets ~15%), author = one account each
            double[] cumulative = new double[subjects];
            double sum = 0;
            for (int s = 0; s < subjects; s++) {
                sum += 1.0 / (s + 1);
                cumulative[s] = sum;
            }
            StringBuilder versions = new StringBuilder();
            StringBuilder comments = new StringBuilder();
            StringBuilder replies = new StringBuilder();
            StringBuilder annotations = new StringBuilder();
            StringBuilder changes = new StringBuilder();
            StringBuilder items = new StringBuilder();
            StringBuilder events = new StringBuilder();
            StringBuilder notices = new StringBuilder();
            StringBuilder reports = new StringBuilder();
            StringBuilder appeals = new StringBuilder();
            long itemId = 0;
            long noticeId = 0;
            long reportId = 0;
            List<LogEntry> log = new ArrayList<>();
            rows.setLength(0);
            int[] subjectOf = new int[reviews];
            for (int r = 0; r < reviews; r++) {
                double x = random.nextDouble() * sum;
                int s = 0;
                while (cumulative[s] < x) {
                    s++;
                }
                subjectOf[r] = s;
                int rating = 1 + (int) Math.min(4, Math.abs(random.nextGaussian() * 1.6 + 3.2) - 0.5);
                rating = Math.max(1, Math.min(5, rating));
                Instant at = start.plusSeconds(r * (400L * 86400 / Math.max(1, reviews)));
                // the newest reviews wait in the queue: r % 8 says for what (0-1 held, 2-5 a reply, 6 reported or a
                // notice of illegal content, 7 flagged or an appeal against a declined report)
                boolean waiting = r >= reviews - open;
                int why = r % 8;
                boolean held = waiting && why <= 1;
                boolean hidden = !waiting && random.nextInt(50) == 0;
                String body = "Review " + r + ": " + TEXT[random.nextInt(TEXT.length)];
                long id = r + 1;
                rows.append(id).append('\t').append(s + 1).append('\t').append(r + 3).append('\t').append(rating)
                        .append("\tTitle ").append(r).append('\t').append(body).append('\t')
                        .append(hidden ? "HIDDEN" : held ? "PENDING" : "PUBLISHED").append('\t').append(at).append('\t').append(at)
                        .append('\t').append(random.nextInt(30)).append('\n');
                versions.append(id).append('\t').append(r + 3).append("\t1\t").append(rating).append("\tTitle ").append(r)
                        .append('\t').append(body).append('\t').append(at).append('\n');
                String slug = s == 0 ? "busiest" : "subject-" + s;
                // every review received is on the log (#15): its stars and a commitment to its text
                log.add(new LogEntry(log.size() + 1, at, LogKind.RECEIVED, slug, id, null, "customer", null, null, null,
                        1, null, null, null, rating, LogText.of("Title " + r + "\n" + body).commitment(), null));
                if (!held && random.nextInt(5) == 0) {
                    comments.append(id).append('\t').append(3 + random.nextInt(reviews)).append("\tA comment on review ")
                            .append(r).append("\tPUBLISHED\t").append(at.plusSeconds(3600)).append('\n');
                }
                Instant acted = at.plusSeconds(7200);
                // the newest tenth of the board is answered by the staff accounts made most recently
                long staff = r >= reviews - reviews / 10 ? firstRecentStaff + r % recentStaff : 1;
                String handle = staff == 1 ? "Mo" : "M" + (r % recentStaff);
                boolean replied = !waiting && random.nextInt(10) < 3;
                if (replied) {
                    String reply = "Thank you, Customer " + r + ". We have passed this on to the team.";
                    replies.append(id).append('\t').append(staff).append('\t').append(reply).append('\t').append(acted)
                            .append('\n');
                    log.add(entry(log.size() + 1, acted, LogKind.OFFICIAL_REPLY, slug, id, null, null, reply, body, handle));
                    items.append(++itemId).append("\tREPLY\t").append(id).append("\tawaiting-reply\t\\N\tDONE\tf\t\\N\t")
                            .append(at.plusSeconds(2 * 86400)).append('\t').append(at).append('\t').append(acted)
                            .append('\t').append(staff).append("\tREPLY\t\\N\t\\N\t").append(s + 1).append('\n');
                } else if (waiting && why != 0 && why != 1 && why != 6 && why != 7) {
                    item(items, events, ++itemId, "REPLY", id, "awaiting-reply", null, at, r, s + 1, null, null);
                }
                boolean other = r % 16 >= 8;
                if (held) {
                    item(items, events, ++itemId, "HELD", id, "word scam", "scam", at, r, s + 1, null, null);
                } else if (waiting && why == 6 && other) {
                    // a notice of illegal content from someone without an account
                    notices.append(++noticeId).append("\tN-BENCH-").append(noticeId).append("\tkey-").append(noticeId)
                            .append('\t').append(id).append("\t/subjects/").append(slug).append("/reviews/").append(id)
                            .append("\tThis review repeats a defamatory claim about a named employee.\tDefamation Act\t")
                            .append("Notifier ").append(noticeId).append("\tnotifier").append(noticeId)
                            .append("@example.org\t\\\\x").append(String.format("%064x", noticeId)).append("\ten\t")
                            .append(at.plusSeconds(600)).append('\n');
                    item(items, events, ++itemId, "NOTICE", id, "notice", null, at, r, s + 1, null, noticeId);
                } else if (waiting && why == 6) {
                    item(items, events, ++itemId, "REPORT", id, "SPAM", null, at, r, s + 1, null, null);
                } else if (waiting && why == 7 && other) {
                    // a customer reported the review, the report was declined, and they appealed
                    long reporter = 3 + random.nextInt(reviews);
                    reports.append(++reportId).append('\t').append(id).append('\t').append(reporter)
                            .append("\tABUSE\tRESOLVED\tNO_ACTION\tNot abusive: a complaint about the product.\t1\t")
                            .append(at.plusSeconds(1800)).append('\t').append(at.plusSeconds(600)).append('\n');
                    appeals.append(reportId).append('\t').append(reportId).append('\t').append(reporter)
                            .append("\t1\tIt insults a member of staff by name.\t").append(at.plusSeconds(3600))
                            .append('\n');
                    item(items, events, ++itemId, "APPEAL", id, "appeal", null, at, r, s + 1, reportId, null);
                } else if (waiting && why == 7) {
                    item(items, events, ++itemId, "FLAG", id, "word refund", "refund", at, r, s + 1, null, null);
                }
                int notes = waiting ? 0 : (random.nextInt(20) == 0 ? 1 : 0) + (int) extraNotes
                        + (random.nextDouble() < extraNotes - (int) extraNotes ? 1 : 0);
                for (int k = 0; k < notes; k++) {
                    String note = "We contacted this customer and refunded the order.";
                    annotations.append(id).append("\t1\t").append(note).append('\t').append(acted.plusSeconds(60 + k))
                            .append('\n');
                    log.add(entry(log.size() + 1, acted.plusSeconds(60 + k), LogKind.ANNOTATION, slug, id, null, null,
                            note, body, "Mo"));
                }
                if (hidden) {
                    changes.append(id).append("\tHIDE\tABUSE\tInsults are not allowed.\t1\t").append(acted.plusSeconds(120))
                            .append('\n');
                    log.add(entry(log.size() + 1, acted.plusSeconds(120), LogKind.HIDE, slug, id, "ABUSE",
                            "Insults are not allowed.", null, body, "Mo"));
                }
            }
            copy(copy, "review (id, subject_id, author_id, rating, title, body, status, created_at, updated_at, helpful_count)", rows);
            copy(copy, "review_version (review_id, author_id, revision, rating, title, body, created_at)", versions);
            copy(copy, "comment (review_id, author_id, body, status, created_at)", comments);
            copy(copy, "official_reply (review_id, author_id, body, created_at)", replies);
            copy(copy, "annotation (review_id, author_id, body, created_at)", annotations);
            copy(copy, "visibility_change (review_id, action, reason_code, reason_text, actor_id, created_at)", changes);
            // each row ends with the item's subject, which queue_item carries from migration V21 on
            boolean subjectColumn;
            try (Statement st = c.createStatement()) {
                subjectColumn = count(st, "select count(*) from information_schema.columns where table_name = 'queue_item' "
                        + "and column_name = 'subject_id'") > 0;
            }
            if (!subjectColumn) {
                String all = items.toString().replaceAll("\t[0-9]+\n", "\n");
                items.setLength(0);
                items.append(all);
            }
            copy(copy, "legal_notice (id, reference, follow_key, review_id, location, explanation, law, notifier_name, "
                    + "notifier_email, client_hash, language, created_at)", notices);
            copy(copy, "report (id, review_id, reporter_id, reason, status, decision, decision_reason, decided_by, "
                    + "decided_at, created_at)", reports);
            copy(copy, "appeal (id, report_id, appellant_id, first_decider, explanation, created_at)", appeals);
            copy(copy, "queue_item (id, kind, review_id, why, matched, status, escalated, claimed_by, due_at, created_at, "
                    + "resolved_at, resolved_by, resolution, appeal_id, legal_notice_id"
                    + (subjectColumn ? ", subject_id)" : ")"), items);
            copy(copy, "queue_event (item_id, action, note)", events);
            if (subjectColumn) {
                // and the review's stars (V21), which the insert trigger would have copied
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("update queue_item i set rating = r.rating from review r where r.id = i.review_id");
                }
            }

            // the public log: entries, then every perfect subtree's hash, as PublicLog.append stores them
            rows.setLength(0);
            StringBuilder nodes = new StringBuilder();
            StringBuilder texts = new StringBuilder();
            List<byte[]> stack = new ArrayList<>();
            HexFormat hex = HexFormat.of();
            for (LogEntry e : log) {
                byte[] leaf = e.leafHash();
                rows.append(e.seq()).append('\t').append(e.time()).append('\t').append(e.kind().name()).append('\t')
                        .append(subjectIdOf(e.subject())).append('\t').append(e.subject()).append('\t').append(e.reviewId())
                        .append("\t\\N\t").append(e.actorRole()).append('\t').append(nul(e.actorHandle())).append('\t')
                        .append(nul(e.reasonCode())).append('\t').append(bytea(hex, e.reason())).append('\t')
                        .append(bytea(hex, e.content())).append("\t\\N\t\\\\x").append(hex.formatHex(leaf))
                        .append("\t\\N\t1\t").append(e.rating() == null ? "\\N" : e.rating().toString()).append('\t')
                        .append(e.contentCommitment() == null ? "\\N" : "\\\\x" + hex.formatHex(e.contentCommitment()))
                        .append('\n');
                text(texts, hex, e.seq(), "body", e.content());
                text(texts, hex, e.seq(), "reasonText", e.reason());
                long index = e.seq() - 1;
                nodes.append("0\t").append(index).append("\t\\\\x").append(hex.formatHex(leaf)).append('\n');
                byte[] hash = leaf;
                int level = 0;
                stack.add(leaf);
                while ((index & 1) == 1) {
                    byte[] right = stack.remove(stack.size() - 1);
                    byte[] left = stack.remove(stack.size() - 1);
                    hash = Merkle.nodeHash(left, right);
                    stack.add(hash);
                    level++;
                    index >>= 1;
                    nodes.append(level).append('\t').append(index).append("\t\\\\x").append(hex.formatHex(hash)).append('\n');
                }
            }
            copy(copy, "log_entry (seq, created_at, kind, subject_id, subject_slug, review_id, comment_id, actor_role, "
                    + "actor_handle, reason_code, reason_text_commitment, body_commitment, erases, leaf_hash, rule, "
                    + "policy_version, rating, content_commitment)", rows);
            copy(copy, "log_text (seq, field, salt, text)", texts);
            copy(copy, "log_node (level, idx, hash)", nodes);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("update log_head set size = " + log.size() + " where id = 1");
                // every post the app takes is staged first (log_staged, kept once sequenced): a board that has been
                // running holds a staged row for each; an empty table here left plans made for an empty one (a
                // nested loop reading it whole per row) that no autovacuum replaces on these machines
                if (count(st, "select count(*) from pg_class where relname = 'log_staged'") > 0) {
                    st.executeUpdate("""
                            insert into log_staged (kind, subject_id, subject_slug, review_id, actor_role, rating,
                                content_commitment, created_at, seq)
                            select kind, subject_id, subject_slug, review_id, actor_role, rating, content_commitment,
                                created_at, seq
                            from log_entry where kind = 'RECEIVED' order by seq""");
                }
                // identities continue after the seeded ids; rating summaries as the application keeps them
                for (String table : List.of("account", "subject", "review", "queue_item", "legal_notice", "report", "appeal")) {
                    st.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table + "))");
                }
                st.executeUpdate("""
                        update subject s set review_count = x.n, rating_sum = x.total, stars_1 = x.s1, stars_2 = x.s2,
                            stars_3 = x.s3, stars_4 = x.s4, stars_5 = x.s5
                        from (select subject_id, count(*) n, sum(rating) total,
                                count(*) filter (where rating = 1) s1, count(*) filter (where rating = 2) s2,
                                count(*) filter (where rating = 3) s3, count(*) filter (where rating = 4) s4,
                                count(*) filter (where rating = 5) s5
                              from review where status = 'PUBLISHED' group by subject_id) x
                        where x.subject_id = s.id""");
            }
            c.commit();
            logSize = log.size();
            // as autovacuum would leave a board that has been running for a while (hint bits, visibility map,
            // statistics); otherwise the first run on a fresh seed pays for it, and autovacuum may be off
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("vacuum (analyze)");
            }
        }
        System.out.printf("seeded %d reviews over %d subjects, %d open queue items, and %d public-log entries, in %.1f s%n",
                reviews, subjects, open, logSize, (System.nanoTime() - t0) / 1e9);
    }

    private static final String[] TEXT = {
            "Works as described and arrived on time.", "Broke after two weeks; support was slow to answer.",
            "Good value, though the instructions could be clearer.", "Excellent. Would buy again without thinking twice.",
            "Not what the pictures showed. Disappointed.", "Fine for the price. Nothing special." };

    /**
     * An open queue item on review {@code reviewId}, due two days after it came in (most of the backlog is overdue), one
     * in 25 escalated, about an appeal or a notice when it is one; and the event that opened it.
     */
    private static void item(StringBuilder items, StringBuilder events, long id, String kind, long reviewId, String why,
            String matched, Instant at, int r, int subject, Long appeal, Long notice) {
        items.append(id).append('\t').append(kind).append('\t').append(reviewId).append('\t').append(why).append('\t')
                .append(matched == null ? "\\N" : matched).append("\tOPEN\t").append(r % 25 == 0 ? 't' : 'f')
                .append("\t\\N\t").append(at.plusSeconds(2 * 86400)).append('\t').append(at).append("\t\\N\t\\N\t\\N\t")
                .append(appeal == null ? "\\N" : appeal.toString()).append('\t')
                .append(notice == null ? "\\N" : notice.toString()).append('\t').append(subject).append('\n');
        events.append(id).append("\tCREATED\t").append(why).append('\n');
    }

    private static LogEntry entry(long seq, Instant time, LogKind kind, String slug, long reviewId, String reason,
            String reasonText, String body, String content, String handle) throws Exception {
        // as PublicLog.append writes it: the leaf commits to the texts (salted), the texts go beside it in log_text
        return new LogEntry(seq, time, kind, slug, reviewId, null, "moderator", handle, reason, null, 1,
                LogText.of(reasonText), LogText.of(body), null, null, null, null);
    }

    private static String subjectIdOf(String slug) {
        return slug.equals("busiest") ? "1" : Integer.toString(Integer.parseInt(slug.substring("subject-".length())) + 1);
    }

    private static String bytea(HexFormat hex, LogText t) {
        return t == null ? "\\N" : "\\\\x" + hex.formatHex(t.commitment());
    }

    private static void text(StringBuilder rows, HexFormat hex, long seq, String field, LogText t) {
        if (t != null) {
            rows.append(seq).append('\t').append(field).append("\t\\\\x").append(hex.formatHex(t.salt())).append('\t')
                    .append(t.text().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")).append('\n');
        }
    }

    private static String nul(String s) {
        return s == null ? "\\N" : s;
    }

    private static void copy(CopyManager copy, String target, StringBuilder rows) throws Exception {
        copy.copyIn("copy " + target + " from stdin", new StringReader(rows.toString()));
        rows.setLength(0);
    }

    private static long count(Statement st, String sql) throws Exception {
        try (var r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
