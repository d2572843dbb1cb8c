package org.candor.account;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

import org.jboss.logging.Logger;

import org.candor.Jitter;
import org.candor.Notifications;
import org.candor.PerSecond;

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
 * <p>
 * An account in use is read again in the background once due ({@link #REREAD}), while it goes on being answered as
 * read: signing in a request never waits for that reading (a benchmark's thousand customers came due within minutes of
 * each other, and each of their pages was rendered through the whole security chain to read them, #19).
 */
@ApplicationScoped
public class KnownAccounts {

    private static final Logger LOG = Logger.getLogger(KnownAccounts.class);

    public static final String CHANNEL = "candor_account";
    private static final int MAX_CHANGED = 10_000;
    private static final String BY_ID = "#";

    /** An account as it was read at tick {@code readAt}, due to be read again at {@code due} ({@link System#nanoTime}). */
    record Known(long id, String displayName, Role role, String email, long readAt, long due) {
    }

    /**
     * Read again at least every ten minutes, changed or not (what a change made with the triggers off may go unseen
     * for), each account after its own while within that ({@link Jitter}); 20,000 accounts. By id (how sessions name
     * it), an account is due after that while and read again in the background when next used; one not used is
     * forgotten after twice that.
     */
    private static final Duration REREAD = Duration.ofMinutes(10);
    private final Cache<String, Known> known = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfter(Expiry.writing((String key, Known account) -> key.startsWith(BY_ID) ? REREAD.multipliedBy(2)
                    : Jitter.within(REREAD)))
            .recordStats()
            .build();
    /** The accounts being read again in the background, by id; at most 100 started a second. */
    private final Set<Long> rereading = ConcurrentHashMap.newKeySet();
    private final PerSecond rereads = new PerSecond(100, System::nanoTime);
    private final Counter reread;
    private final Notifications notifications;
    private final AccountService accounts;
    private final Vertx vertx;
    private final AtomicLong ticks = new AtomicLong();
    private final Map<Long, Long> changed = new ConcurrentHashMap<>();
    private volatile long everythingChanged;
    private volatile boolean listening;

    KnownAccounts(Notifications notifications, AccountService accounts, Vertx vertx, MeterRegistry registry) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.vertx = vertx;
        CaffeineCacheMetrics.monitor(registry, known, "known-accounts");
        this.reread = Counter.builder("candor.known.accounts.rereads")
                .description("Accounts in use read again in the background once due")
                .register(registry);
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

    /**
     * The account with this id, when it is known and unchanged since it was read; once it is due, it is read again in
     * the background meanwhile.
     */
    Known find(long accountId) {
        Known account = fresh(known.getIfPresent(key(accountId)));
        if (account != null && System.nanoTime() - account.due() > 0) {
            readAgain(accountId);
        }
        return account;
    }

    /**
     * Reads the account again on a worker thread, once at a time: what it finds is remembered, or, closed or gone, the
     * account is forgotten and its next request takes the full way (which signs nobody in to it).
     */
    private void readAgain(long accountId) {
        if (rereading.contains(accountId) || !rereads.tryTake() || !rereading.add(accountId)) {
            return;
        }
        vertx.executeBlocking(() -> {
            long readAt = now();
            accounts.current(accountId).ifPresentOrElse(found -> remember(found, readAt),
                    () -> known.invalidate(key(accountId)));
            return null;
        }, false).onComplete(done -> {
            rereading.remove(accountId);
            if (done.succeeded()) {
                reread.increment();
            } else {
                // still due: read again on a later request (while the database is away, nothing is taken as known)
                LOG.debugf(done.cause(), "Account %d not read again", accountId);
            }
        });
    }

    /** Remembers an account read after tick {@code readAt} (from {@link #now()}), by its id; returns what it keeps. */
    Known remember(Account account, long readAt) {
        Known read = asRead(account, readAt);
        if (readAt >= 0) {
            known.put(key(account.id), read);
        }
        return read;
    }

    /** Makes every account remembered by id due to be read again (for tests). */
    void dueNow() {
        known.asMap().replaceAll((key, account) -> key.startsWith(BY_ID) ? new Known(account.id(),
                account.displayName(), account.role(), account.email(), account.readAt(), System.nanoTime()) : account);
    }

    /** Remembers an account read after tick {@code readAt} (from {@link #now()}). */
    void remember(String provider, String subject, Account account, long readAt) {
        if (readAt < 0) {
            return;
        }
        known.put(key(provider, subject), asRead(account, readAt));
    }

    private static Known asRead(Account account, long readAt) {
        return new Known(account.id, account.displayName, account.role, account.email, readAt,
                System.nanoTime() + Jitter.within(REREAD).toNanos());
    }

    private static String key(long accountId) {
        return BY_ID + accountId;
    }

    private static String key(String provider, String subject) {
        return provider + '\n' + subject;
    }
}
