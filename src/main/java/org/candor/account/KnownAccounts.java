package org.candor.account;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.runtime.StartupEvent;

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

    private final CaffeineCache known;
    private final Notifications notifications;
    private final AtomicLong ticks = new AtomicLong();
    private final Map<Long, Long> changed = new ConcurrentHashMap<>();
    private volatile long everythingChanged;
    private volatile boolean listening;

    KnownAccounts(@CacheName("known-accounts") Cache known, Notifications notifications) {
        this.known = known.as(CaffeineCache.class);
        this.notifications = notifications;
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

    private Known fresh(CompletableFuture<Object> found) {
        if (!listening || !notifications.listening()) {
            return null;
        }
        Known account = found == null ? null : (Known) found.getNow(null);
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
            known.put(key(account.id), CompletableFuture.completedFuture(read));
        }
        return read;
    }

    /** Remembers an account read after tick {@code readAt} (from {@link #now()}). */
    void remember(String provider, String subject, Account account, long readAt) {
        if (readAt < 0) {
            return;
        }
        known.put(key(provider, subject), CompletableFuture.completedFuture(
                new Known(account.id, account.displayName, account.role, account.email, readAt)));
    }

    private static String key(long accountId) {
        return "#" + accountId;
    }

    private static String key(String provider, String subject) {
        return provider + '\n' + subject;
    }
}
