package org.candor.moderation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.candor.Sql;

/**
 * Unusual activity on a subject, computed from its reviews alone: arrivals in the last window against the subject's
 * own baseline for that hour of the week, the share of brand-new accounts, near-identical texts (MinHash over word
 * 3-shingles), the shift in the average rating and the largest share from one network ({@link PostNetworks}). Fires when arrivals are far above the baseline <em>and</em> one of
 * the other signals says the reviews are not ordinary ones. Thresholds are policy ({@code unusual_activity_policy}).
 * Every check takes the moment to judge at, so a dry run over past data and a test with a fixed clock ask the same
 * question as the live board.
 */
@ApplicationScoped
public class UnusualActivity {

    /** The thresholds. */
    public record Thresholds(boolean enabled, int windowMinutes, int minReviews, double rateFactor, int baselineWeeks,
            int newAccountDays, double newAccountShare, double duplicateShare, double duplicateSimilarity,
            double ratingDrop, double networkShare) {

        Duration window() {
            return Duration.ofMinutes(windowMinutes);
        }
    }

    /**
     * What the detector saw in the window ending at {@code at}: {@code fired} when it is unusual. Shares are 0–1;
     * {@code baseline} is the reviews expected in such a window at that hour of the week.
     */
    public record Signals(long subjectId, Instant at, Instant windowFrom, int reviews, double baseline,
            double rateRatio, double newAccountShare, double duplicateShare, double averageInWindow,
            double averageBefore, double networkShare, boolean rate, boolean newAccounts, boolean duplicates,
            boolean ratingShift, boolean network, boolean fired) {

        /** The numbers, as the public log and the incident page give them. */
        public Map<String, Object> numbers() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("windowFrom", windowFrom.toString());
            m.put("reviews", (long) reviews);
            m.put("baseline", round(baseline));
            m.put("rateRatio", round(rateRatio));
            m.put("newAccountShare", round(newAccountShare));
            m.put("duplicateShare", round(duplicateShare));
            m.put("averageInWindow", round(averageInWindow));
            m.put("averageBefore", round(averageBefore));
            m.put("networkShare", round(networkShare));
            List<String> fired = new ArrayList<>();
            if (rate) {
                fired.add("rate");
            }
            if (newAccounts) {
                fired.add("newAccounts");
            }
            if (duplicates) {
                fired.add("duplicates");
            }
            if (ratingShift) {
                fired.add("ratingShift");
            }
            if (network) {
                fired.add("network");
            }
            m.put("signals", String.join(",", fired));
            return m;
        }

        /** Two decimals, as text (the log's canonical JSON has integers and strings only). */
        private static String round(double v) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
    }

    private static final int HASHES = 64;
    private static final long[] SEEDS = new long[HASHES];

    static {
        java.util.SplittableRandom random = new java.util.SplittableRandom(0x5eedca5dL);
        for (int i = 0; i < HASHES; i++) {
            SEEDS[i] = random.nextLong() | 1;
        }
    }

    private final EntityManager em;

    UnusualActivity(EntityManager em) {
        this.em = em;
    }

    public Thresholds thresholds() {
        Tuple t = Sql.tuples(em.createNativeQuery("""
                select enabled as enabled, window_minutes as window_minutes, min_reviews as min_reviews,
                    rate_factor as rate_factor, baseline_weeks as baseline_weeks, new_account_days as new_account_days,
                    new_account_share as new_account_share, duplicate_share as duplicate_share,
                    duplicate_similarity as duplicate_similarity, rating_drop as rating_drop,
                    network_share as network_share
                from unusual_activity_policy where id = 1""", Tuple.class)).get(0);
        return new Thresholds(Sql.bool(t, "enabled"), Sql.integer(t, "window_minutes"), Sql.integer(t, "min_reviews"),
                decimal(t, "rate_factor"), Sql.integer(t, "baseline_weeks"), Sql.integer(t, "new_account_days"),
                decimal(t, "new_account_share"), decimal(t, "duplicate_share"), decimal(t, "duplicate_similarity"),
                decimal(t, "rating_drop"), decimal(t, "network_share"));
    }

    /** How many reviews the subject received in the window ending at {@code at}: the cheap first look. */
    public int arrivals(long subjectId, Instant at, Thresholds th) {
        return ((Number) em.createNativeQuery("""
                select count(*) from review where subject_id = ?1 and created_at > ?2 and created_at <= ?3""")
                .setParameter(1, subjectId).setParameter(2, at.minus(th.window())).setParameter(3, at)
                .getSingleResult()).intValue();
    }

    /** Every signal for the window ending at {@code at}. */
    public Signals check(long subjectId, Instant at, Thresholds th) {
        Instant from = at.minus(th.window());
        List<Tuple> window = Sql.tuples(em.createNativeQuery("""
                select r.rating as rating, coalesce(r.title, '') || ' ' || r.body as text, r.created_at as created_at,
                    a.created_at > ?4 as new_account, encode(pn.network, 'hex') as network
                from review r join account a on a.id = r.author_id left join post_network pn on pn.review_id = r.id
                where r.subject_id = ?1 and r.created_at > ?2 and r.created_at <= ?3 order by r.created_at""", Tuple.class)
                .setParameter(1, subjectId).setParameter(2, from).setParameter(3, at)
                .setParameter(4, at.minus(Duration.ofDays(th.newAccountDays()))));
        int n = window.size();
        // the baseline: reviews in the same window of the week over the past weeks, before this one
        double baseline = 0;
        for (int w = 1; w <= th.baselineWeeks(); w++) {
            Instant end = at.minus(Duration.ofDays(7L * w));
            baseline += arrivalsBetween(subjectId, end.minus(th.window()), end);
        }
        baseline /= th.baselineWeeks();
        Tuple before = Sql.tuples(em.createNativeQuery("""
                select coalesce(avg(rating), 0)::float8 as average, count(*) as count from review
                where subject_id = ?1 and created_at <= ?2 and status = 'PUBLISHED'""", Tuple.class)
                .setParameter(1, subjectId).setParameter(2, from)).get(0);
        double averageBefore = ((Number) before.get("average")).doubleValue();
        long countBefore = Sql.number(before, "count");
        double averageIn = n == 0 ? 0 : window.stream().mapToInt(t -> Sql.integer(t, "rating")).average().orElse(0);
        double newShare = n == 0 ? 0 : window.stream().filter(t -> Sql.bool(t, "new_account")).count() / (double) n;
        double dupShare = largestCluster(window.stream().map(t -> Sql.text(t, "text")).toList(),
                th.duplicateSimilarity()) / (double) Math.max(1, n);
        double ratio = n / Math.max(1.0, baseline);
        // the largest share of the window's reviews posted from one network (PostNetworks: salted, rotating hashes)
        double netShare = n == 0 ? 0 : window.stream().map(t -> Sql.text(t, "network")).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.groupingBy(x -> x, java.util.stream.Collectors.counting()))
                .values().stream().mapToLong(Long::longValue).max().orElse(0) / (double) n;
        // a subject without earlier reviews has no baseline to compare with: a launch is not an incident
        boolean enough = th.enabled() && n >= th.minReviews() && countBefore > 0;
        boolean rate = enough && ratio >= th.rateFactor();
        boolean newAccounts = enough && newShare >= th.newAccountShare();
        boolean duplicates = enough && dupShare >= th.duplicateShare();
        boolean ratingShift = enough && countBefore > 0 && averageBefore - averageIn >= th.ratingDrop();
        boolean network = enough && netShare >= th.networkShare();
        Instant windowFrom = n == 0 ? from : Sql.instant(window.get(0), "created_at");
        return new Signals(subjectId, at, windowFrom, n, baseline, ratio, newShare, dupShare, averageIn, averageBefore,
                netShare, rate, newAccounts, duplicates, ratingShift, network,
                rate && (newAccounts || duplicates || ratingShift || network));
    }

    private long arrivalsBetween(long subjectId, Instant from, Instant to) {
        return ((Number) em.createNativeQuery("""
                select count(*) from review where subject_id = ?1 and created_at > ?2 and created_at <= ?3""")
                .setParameter(1, subjectId).setParameter(2, from).setParameter(3, to).getSingleResult()).longValue();
    }

    /** The size of the largest group of texts similar to one of them (estimated Jaccard of word 3-shingles). */
    static int largestCluster(List<String> texts, double similarity) {
        long[][] signatures = texts.stream().map(UnusualActivity::signature).toArray(long[][]::new);
        int best = 0;
        for (int i = 0; i < signatures.length; i++) {
            int similar = 0;
            for (long[] other : signatures) {
                if (estimate(signatures[i], other) >= similarity) {
                    similar++;
                }
            }
            best = Math.max(best, similar);
        }
        return best > 1 ? best : 0;
    }

    /** The MinHash signature of a text's word 3-shingles (lower-cased letters and digits). */
    static long[] signature(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        List<String> clean = Arrays.stream(words).filter(w -> !w.isEmpty()).toList();
        long[] min = new long[HASHES];
        Arrays.fill(min, Long.MAX_VALUE);
        int shingles = Math.max(1, clean.size() - 2);
        for (int s = 0; s < shingles; s++) {
            String shingle = String.join(" ", clean.subList(s, Math.min(clean.size(), s + 3)));
            long h = fnv(shingle);
            for (int i = 0; i < HASHES; i++) {
                long v = mix(h * SEEDS[i]);
                if (v < min[i]) {
                    min[i] = v;
                }
            }
        }
        return min;
    }

    static double estimate(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return same / (double) HASHES;
    }

    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private static double decimal(Tuple t, String alias) {
        Object v = t.get(alias);
        return v instanceof BigDecimal d ? d.doubleValue() : ((Number) v).doubleValue();
    }
}
