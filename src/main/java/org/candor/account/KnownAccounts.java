package org.candor.account;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.StartupEvent;

import org.candor.Jitter;
import org.candor.Notifications;

/**
 * Who signed-in visitors are, as our database knows them, remembered between their requests: without it every
 * signed-in request looked its account up in a transaction of its own (a fifth of a signed-in request's CPU in the
 * benchmark, docs/benchmarks.md).
 * <p>
 * A changed account row NOTIFYs {@value #CHANNEL} with its id at commit (migration V7), whoever changed it; every
 * instance LISTENs and never again uses what it read of that account before. As with the page cache, staleness is
 * decided by ticks: each change gets the next tick, each remembered account the tick at which it was read, so an account
 * read just before a change is never taken as current. While the LISTEN connection is down nothing is remembered, and
 * everything read before it came back is forgotten.
 */
@ApplicationScoped
public class KnownAccounts {

    public static final String CHANNEL = "candor_account";
    private static final int MAX_CHANGED = 10_000;

    /** An account as it was read at tick {@code readAt}. */
    record Known(long id, String displayName, Role role, String email, long readAt) {
    }

    /**
     * Read again at least every ten minutes, changed or not (what a change made with the triggers off may go unseen
     * for), each account after its own while within that ({@link Jitter}); 20,000 accounts.
     */
    private static final Duration REREAD = Duration.ofMinutes(10);
    private final Cache<String, Known> known = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfter(Expiry.writing((String key, Known account) -> Jitter.within(REREAD)))
            .recordStats()
            .build();
    private final Notifications notifications;
    private final AtomicLong ticks = new AtomicLong();
    private final Map<Long, Long> changed = new ConcurrentHashMap<>();
    private volatile long everythingChanged;
    private volatile boolean listening;

    KnownAccounts(Notifications notifications, MeterRegistry registry) {
        this.notifications = notifications;
        CaffeineCacheMetrics.monitor(registry, known, "known-accounts");
    }

    void start(@Observes StartupEvent start) {
        notifications.listen(CHANNEL, this::changed, () -> {
            everythingChanged = ticks.incrementAndGet();
            listening = true;
        });
    }

    void changed(String accountId) {
        long tick = ticks.incrementAndGet();
        if (changed.size() >= MAX_CHANGED) {
            // bounded: rather than remember every account that ever changed, forget every account remembered so far
            everythingChanged = tick;
            changed.clear();
            return;
        }
        try {
            changed.put(Long.parseLong(accountId), tick);
        } catch (NumberFormatException e) {
            everythingChanged = tick;
        }
    }

    /** The tick a read starting now starts at; -1 when nothing can be remembered right now. */
    long now() {
        return listening && notifications.listening() ? ticks.get() : -1;
    }

    /** The account this provider's subject signed in as, when it is known and unchanged since it was read. */
    Known find(String provider, String subject) {
        return fresh(known.getIfPresent(key(provider, subject)));
    }

    private Known fresh(Known account) {
        if (!listening || !notifications.listening()) {
            return null;
        }
        if (account == null || everythingChanged > account.readAt()
                || changed.getOrDefault(account.id(), 0L) > account.readAt()) {
            return null;
        }
        return account;
    }

    /** The account with this id, when it is known and unchanged since it was read. */
    Known find(long accountId) {
        return fresh(known.getIfPresent(key(accountId)));
    }

    /** Remembers an account read after tick {@code readAt} (from {@link #now()}), by its id; returns what it keeps. */
    Known remember(Account account, long readAt) {
        Known read = new Known(account.id, account.displayName, account.role, account.email, readAt);
        if (readAt >= 0) {
            known.put(key(account.id), read);
        }
        return read;
    }

    /** Remembers an account read after tick {@code readAt} (from {@link #now()}). */
    void remember(String provider, String subject, Account account, long readAt) {
        if (readAt < 0) {
            return;
        }
        known.put(key(provider, subject), new Known(account.id, account.displayName, account.role, account.email, readAt));
    }

    private static String key(long accountId) {
        return "#" + accountId;
    }

    private static String key(String provider, String subject) {
        return provider + '\n' + subject;
    }
}
