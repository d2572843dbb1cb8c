package org.candor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.candor.subject.Subject;
import org.candor.support.Session;
import org.candor.support.SqlRecorder;
import org.candor.support.Steps;
import org.candor.support.TestData;

/**
 * The queries signed-in people send — a customer's subject page, the moderation queue's every tab, an item page, a
 * moderator's official reply — planned on a board with realistic statistics: a second database on the same server,
 * built by Candor's own migrations and filled like a busy board (100,000 customers, 300,000 reviews with one subject
 * over seven subjects, 50,000 open queue items across the tabs, official replies by the first staff account while a
 * staff member made after every customer is about to answer), then analysed. On it, PostgreSQL's plan for each recorded statement, whatever its parameters, must not:
 * <ul>
 * <li>read a big table sequentially;</li>
 * <li>walk a whole (non-partial) index of a big table with no condition on it — a merge join walking the account
 * index from the first id to a new staff member's did that, 0.4 s a page;</li>
 * <li>filter an index scan by the page's own key ({@code subject_id = $1}) instead of seeking it — the newest-first
 * list walked the review primary key backward past every other subject's newer reviews.</li>
 * </ul>
 * The two traps are checked to be caught, in the shapes the code had before.
 */
@QuarkusTest
class SignedInQueryPlansTest {

    private static final String BOARD = "candor_plans";

    /** Tables that grow with the board, accounts included (one per customer). */
    static final List<String> BIG = List.of("review", "comment", "log_entry", "log_node", "log_text", "official_reply",
            "annotation", "visibility_change", "review_version", "helpful_vote", "statement", "queue_item", "queue_event",
            "account", "reasons_statement");

    private static String url;

    @BeforeAll
    static void busyBoard() throws SQLException {
        String main = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String user = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.username", String.class).orElse(null);
        String password = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class)
                .orElse(null);
        url = main.replaceFirst("/[^/?]+(\\?|$)", "/" + BOARD + "$1");
        try (Connection c = DriverManager.getConnection(main, user, password); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + BOARD);
            st.execute("create database " + BOARD);
        }
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
        url = url + (url.contains("?") ? "&" : "?") + "preferQueryMode=simple"
                + (user == null ? "" : "&user=" + user) + (password == null ? "" : "&password=" + password);
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            // a board filled at once, not through the application: its change triggers stay quiet
            st.execute("set session_replication_role = replica");
            st.execute("""
                    insert into account (id, provider, provider_subject, display_name, role, staff_handle) values
                        (1, 'plans', 'mo', 'Mo', 'MODERATOR', 'Mo'), (2, 'plans', 'ada', 'Ada', 'ADMIN', null)""");
            st.execute("""
                    insert into account (id, provider, provider_subject, display_name)
                    select g, 'plans', 'c' || g, 'Customer ' || g from generate_series(3, 100002) g""");
            st.execute("""
                    insert into account (id, provider, provider_subject, display_name, role, staff_handle)
                    values (100003, 'plans', 'new-mo', 'New Mo', 'MODERATOR', 'New')""");
            st.execute("""
                    insert into subject (id, slug, name, description, kind)
                    select g, 'subject-' || g, 'Subject ' || g, 'A subject.', 'PRODUCT' from generate_series(1, 100) g""");
            st.execute("""
                    insert into review (id, subject_id, author_id, rating, title, body, status, created_at, updated_at)
                    select g, 1 + g % 7, 3 + g % 100000, 1 + g % 5, 'Title ' || g,
                        'Review ' || g, case when g > 290000 and g % 8 < 2 then 'PENDING' else 'PUBLISHED' end,
                        now() - make_interval(secs => 300000 - g), now() - make_interval(secs => 300000 - g)
                    from generate_series(1, 300000) g""");
            st.execute("""
                    insert into comment (review_id, author_id, body, status, created_at)
                    select g * 5, 3 + (g * 7919) % 100000, 'A comment', 'PUBLISHED', now()
                    from generate_series(1, 50000) g""");
            // replies, all by the first staff account when statistics were taken: a staff member made after every
            // customer (id 100003) who answers now is not in them, as on a board whose statistics are a day old
            st.execute("""
                    insert into official_reply (review_id, author_id, body, created_at)
                    select g * 4, 1, 'Thank you.', now() from generate_series(1, 72000) g""");
            st.execute("""
                    insert into annotation (review_id, author_id, body, created_at)
                    select g * 30, 1, 'We refunded the order.', now() from generate_series(1, 9000) g""");
            st.execute("""
                    insert into visibility_change (review_id, action, reason_code, reason_text, actor_id, created_at)
                    select g * 97, 'HIDE', 'ABUSE', 'Insults.', 1, now() from generate_series(1, 3000) g""");
            // the backlog: the newest 50,000 reviews each wait for something; the answered ones were resolved
            st.execute("""
                    insert into queue_item (kind, review_id, subject_id, why, status, escalated, due_at, created_at)
                    select case when g % 8 < 2 then 'HELD' when g % 8 < 6 then 'REPLY' when g % 8 = 6 then 'REPORT'
                        else 'FLAG' end, g, 1 + g % 7,
                        case when g % 8 < 2 then 'word scam' when g % 8 < 6 then 'awaiting-reply' else 'SPAM' end,
                        'OPEN', g % 25 = 0, now() + make_interval(secs => g - 290000), now()
                    from generate_series(250001, 300000) g""");
            st.execute("""
                    insert into queue_item (kind, review_id, subject_id, why, status, due_at, created_at, resolved_at,
                        resolved_by, resolution)
                    select 'REPLY', g * 4, 1 + (g * 4) % 7, 'awaiting-reply',
                        'DONE', now(), now(), now() - make_interval(secs => g), 1, 'REPLY'
                    from generate_series(1, 60000) g""");
            st.execute("insert into queue_event (item_id, action, note) select id, 'CREATED', why from queue_item");
            st.execute("analyze");
        }
    }

    @Test
    void signedInPagesAndTheQueueArePlannedAlongTheirIndexes() {
        Subject subject = TestData.subject("Signed-in plans");
        Session author = Session.customer();
        long first = 0;
        for (int i = 0; i < 22; i++) {
            Session customer = i == 0 ? author : Session.customer();
            String location = customer.form().formParam("rating", Integer.toString(1 + i % 5))
                    .formParam("body", "Review number " + i).post("/subjects/" + subject.slug + "/reviews")
                    .then().statusCode(303).extract().header("Location");
            first = first == 0 ? Steps.idAtEndOf(location) : first;
        }
        Session moderator = Session.moderator();
        long item = Steps.item(first, "REPLY");
        long other = Steps.item(first + 1, "REPLY");

        SqlRecorder.start();
        for (String page : List.of("/subjects/" + subject.slug, "/subjects/" + subject.slug + "?sort=helpful",
                "/subjects/" + subject.slug + "?sort=lowest", "/subjects/" + subject.slug + "?only=verified")) {
            author.request().get(page).then().statusCode(200);
            moderator.request().get(page).then().statusCode(200);
        }
        for (String tab : List.of("held", "reply", "reported", "notices", "appeals", "escalated", "mine", "done")) {
            moderator.request().get("/moderation?tab=" + tab).then().statusCode(200);
            moderator.request().get("/moderation/list?tab=" + tab).then().statusCode(200);
        }
        moderator.request().get("/moderation/items/" + item).then().statusCode(200);
        Steps.act(moderator, other, "reply", "body", "Thank you for telling us.").statusCode(303);
        Set<String> statements = SqlRecorder.stop();

        List<String> bad = new ArrayList<>();
        int planned = 0;
        Set<String> partial = partialIndexes();
        Set<String> filled = filledTables();
        for (String sql : statements) {
            String lower = sql.toLowerCase();
            if (!lower.startsWith("select") && !lower.startsWith("with")) {
                continue;
            }
            planned++;
            String problem = problem(plan(sql), partial, filled);
            if (problem != null) {
                bad.add(problem + " in:\n" + sql + "\n" + plan(sql));
            }
        }
        assertTrue(planned > 20, "planned " + planned + " statements: " + statements);
        assertTrue(statements.stream().anyMatch(q -> q.contains("official_reply")), "the staff notes were recorded");
        assertTrue(statements.stream().anyMatch(q -> q.contains("from queue_item")), "the queue was recorded");
        // a moderator of the whole board locks the item at once; only a scoped one's permission needs its subject first
        assertTrue(statements.stream().noneMatch(q -> q.startsWith("select subject_id as subject_id, review_id as")),
                "the reply read its item's subject before locking it");
        assertEquals(List.of(), bad);
    }

    /** The check catches both traps, in the shapes the queries had before (#19). */
    @Test
    void theTrapsAreCaught() {
        Set<String> partial = partialIndexes();
        Set<String> filled = filledTables();
        String newest = plan("select r.id from review r join account a on a.id = r.author_id where r.subject_id = ? "
                + "and (r.status <> 'PENDING' or a.id = ?) order by r.id desc limit 21");
        assertTrue(String.valueOf(problem(newest, partial, filled)).contains("filters review_pkey"), newest);
        String notes = plan("select n.id, a.role from official_reply n join account a on a.id = n.author_id "
                + "where n.review_id in (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) order by 1");
        assertTrue(String.valueOf(problem(notes, partial, filled)).contains("walks all of index account_pkey"), notes);
        String counted = plan("select count(*) from queue_item i join review r on r.id = i.review_id "
                + "where i.status = 'OPEN' and i.kind = 'REPLY'");
        assertTrue(problem(counted, partial, filled) != null, counted);
    }

    /**
     * What is wrong with a plan, or null: a big table read sequentially, a whole non-partial index walked with no
     * condition, or an index scan that filters by a key given as a parameter.
     */
    static String problem(String plan, Set<String> partial, Set<String> filled) {
        String node = null;
        String table = null;
        String index = null;
        boolean cond = false;
        List<String> found = new ArrayList<>();
        for (String line : (plan + "\n->  END").split("\n")) {
            Matcher m = NODE.matcher(line);
            boolean isNode = m.find();
            if (isNode || line.contains("->")) {
                if (node != null && node.startsWith("Index") && BIG.contains(table) && !cond && !partial.contains(index)) {
                    found.add("walks all of index " + index + " on " + table);
                }
                node = isNode ? m.group(1) : null;
                index = isNode ? m.group(2) : null;
                table = isNode ? m.group(3) : null;
                cond = false;
                if ("Seq Scan".equals(node) && BIG.contains(table) && filled.contains(table)) {
                    found.add("reads all of " + table);
                }
                continue;
            }
            String property = line.trim();
            if (property.startsWith("Index Cond:")) {
                cond = true;
            }
            if (node != null && node.startsWith("Index") && BIG.contains(table) && property.startsWith("Filter:")) {
                for (String conjunct : conjuncts(property.substring("Filter:".length()).trim())) {
                    if (!conjunct.contains(" OR ") && KEY_FILTER.matcher(conjunct).find()) {
                        found.add("filters " + index + " on " + table + " by its own key: " + property);
                    }
                }
            }
        }
        return found.isEmpty() ? null : String.join("; ", found);
    }

    /** The parts of a condition joined by AND at its top level. */
    private static List<String> conjuncts(String condition) {
        String c = condition;
        while (c.startsWith("(") && c.endsWith(")") && closes(c) == c.length() - 1) {
            c = c.substring(1, c.length() - 1);
        }
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            if (depth == 0 && c.startsWith(" AND ", i)) {
                parts.add(c.substring(from, i));
                from = i + 5;
            }
        }
        parts.add(c.substring(from));
        return parts;
    }

    /** Where the parenthesis opening {@code c} closes. */
    private static int closes(String c) {
        int depth = 0;
        for (int i = 0; i < c.length(); i++) {
            depth += c.charAt(i) == '(' ? 1 : c.charAt(i) == ')' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static final Pattern NODE = Pattern.compile(
            "(Seq Scan|Index Scan Backward|Index Scan|Index Only Scan Backward|Index Only Scan)(?: using (\\S+))? on (\\S+)");
    /** A filter that compares a key column with a parameter: what the index scan should have sought. */
    private static final Pattern KEY_FILTER = Pattern.compile("(^|[(\\s])(\\w+\\.)?(\\w*_id|id) = \\$\\d+");

    /** PostgreSQL's plan on the busy board for the statement whatever its parameters. */
    static String plan(String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                var rows = st.executeQuery("explain (generic_plan) " + PublicQueryPlansTest.numbered(sql))) {
            StringBuilder plan = new StringBuilder();
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
            return plan.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static Set<String> partialIndexes() {
        return names("select indexrelid::regclass::text from pg_index where indpred is not null");
    }

    /**
     * The tables the busy board fills (the rest stay empty there, and reading an empty table whole is what PostgreSQL
     * should do; {@link PublicQueryPlansTest} covers them with sequential scans priced out).
     */
    private static Set<String> filledTables() {
        return names("select relname from pg_class where relkind = 'r' and reltuples >= 1000");
    }

    private static Set<String> names(String query) {
        Set<String> names = new HashSet<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                var rows = st.executeQuery(query)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }
}
