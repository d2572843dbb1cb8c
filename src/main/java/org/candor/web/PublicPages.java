package org.candor.web;

import java.security.MessageDigest;
import java.time.Duration;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

import org.candor.Notifications;

/**
 * Rendered public pages, as anonymous visitors see them, kept in memory and dropped when what they show changes — on
 * this instance or any other. The memory they take is bounded in bytes ({@code candor.page-cache.max-bytes}), however
 * many distinct addresses visitors ask for. Database triggers NOTIFY {@value #CHANNEL} at commit with the scope of every change
 * ({@code s:<subject id>}, {@code log}, or {@code *}); every instance LISTENs and marks the pages of that scope stale.
 * <p>
 * Staleness is decided by ticks, not by removing entries, so a page whose rendering started before a change is never
 * kept as fresh: each change gets the next tick, each page remembers the tick at which its rendering started, and a page
 * is fresh while no change to its scope has a later tick. While the LISTEN connection is down nothing is served from
 * here (changes made meanwhile would go unnoticed), and everything rendered before it came back is stale.
 */
@ApplicationScoped
public class PublicPages {

    public static final String CHANNEL = "candor_public";
    private static final Logger LOG = Logger.getLogger(PublicPages.class);
    private static final String MARK = "mark:";

    /** A rendered page: its bytes and media type, its entity tag, what it shows, and the tick its rendering started at. */
    record Page(byte[] body, String type, String etag, PageScope.Scope scope, long renderedAt) {
    }

    private final Cache<String, Page> pages;
    private final PageCacheConfig config;
    private final Notifications notifications;
    private final Vertx vertx;
    private final AtomicLong ticks = new AtomicLong();
    private final Map<Long, Long> subjectChanged = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Void>> marks = new ConcurrentHashMap<>();
    private final AtomicLong markSeq = new AtomicLong();
    private final String instance = UUID.randomUUID().toString();
    /** Changes heard, by what they made stale: one subject's pages, the log's, every page (for operators). */
    private final Counter subjectChanges;
    private final Counter logChanges;
    private final Counter everythingChanges;
    private volatile long everythingChanged;
    private volatile long logChanged;
    private volatile long anythingChanged;
    private volatile boolean listening;

    PublicPages(PageCacheConfig config, Notifications notifications, Vertx vertx, MeterRegistry registry) {
        this.config = config;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(config.maxBytes())
                .weigher((String key, Page page) -> weight(key, page))
                .expireAfterWrite(config.expireAfterWrite())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, pages, "public-pages");
        this.subjectChanges = changes(registry, "subject");
        this.logChanges = changes(registry, "log");
        this.everythingChanges = changes(registry, "everything");
        this.notifications = notifications;
        this.vertx = vertx;
    }

    /** Roughly what a page costs the heap: its bytes, its key (UTF-16) and the objects around them. */
    static int weight(String key, Page page) {
        return page.body().length + 2 * key.length() + 256;
    }

    void start(@Observes StartupEvent start) {
        notifications.listen(CHANNEL, this::changed, () -> {
            everythingChanged = ticks.incrementAndGet();
            if (!listening) {
                LOG.info("Listening for changes on " + CHANNEL + ": public pages are cached");
            }
            listening = true;
        });
        // A dropped connection does not tell its listeners; look four times a second.
        vertx.setPeriodic(250, id -> {
            if (listening && !notifications.listening()) {
                listening = false;
                LOG.warn("Lost the LISTEN connection: public pages are rendered afresh until it is back");
            }
        });
    }

    void changed(String scope) {
        if (scope.startsWith(MARK)) {
            CompletableFuture<Void> mark = marks.remove(markId(scope));
            if (mark != null) {
                mark.complete(null);
            }
            return;
        }
        long tick = ticks.incrementAndGet();
        anythingChanged = tick;
        if (scope.equals("log")) {
            logChanged = tick;
            logChanges.increment();
            return;
        }
        if (scope.startsWith("s:")) {
            try {
                subjectChanged.put(Long.parseLong(scope.substring(2)), tick);
                subjectChanges.increment();
                return;
            } catch (NumberFormatException e) {
                // not a subject: every page
            }
        }
        everythingChanged = tick;
        everythingChanges.increment();
    }

    /**
     * Marks this instance's pages of {@code scope} stale, as a change heard would: for what changes in this instance's
     * memory only, after the database's NOTIFY was heard (the transparency numbers, read from the log once it has
     * numbered an entry, which is after the entry's commit).
     */
    public void changedHere(PageScope.Scope scope) {
        changed(scope instanceof PageScope.Subject subject ? "s:" + subject.id()
                : scope instanceof PageScope.Log ? "log" : "*");
    }

    private static Counter changes(MeterRegistry registry, String stale) {
        return Counter.builder("candor.public.changes").tag("stale", stale)
                .description("Changes heard (or seen here) that made kept pages stale: one subject's, the log's, or every page")
                .register(registry);
    }

    private long markId(String payload) {
        String prefix = MARK + instance + ":";
        if (!payload.startsWith(prefix)) {
            return -1;
        }
        try {
            return Long.parseLong(payload.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The tick a rendering starting now starts at; -1 when pages cannot be cached right now. */
    public long now() {
        return listening ? ticks.get() : -1;
    }

    /** The cached page for this key, if it is still fresh. */
    Page fresh(String key) {
        if (!listening) {
            return null;
        }
        Page page = pages.getIfPresent(key);
        return page != null && isFresh(page) ? page : null;
    }

    private boolean isFresh(Page page) {
        return unchangedSince(page.scope(), page.renderedAt());
    }

    /**
     * Whether nothing in this scope has changed since {@code tick} (from {@link #now()}), as far as this instance can
     * tell; false whenever it cannot tell.
     */
    public boolean unchangedSince(PageScope.Scope scope, long tick) {
        if (!listening || tick < 0 || everythingChanged > tick) {
            return false;
        }
        if (scope instanceof PageScope.Subject subject) {
            return subjectChanged.getOrDefault(subject.id(), 0L) <= tick;
        }
        return (scope instanceof PageScope.Log ? logChanged : anythingChanged) <= tick;
    }

    /**
     * Keeps a page rendered from data read after tick {@code renderedAt} (unless it is larger than one page may be);
     * returns it with its entity tag.
     */
    Page keep(String key, byte[] body, String type, PageScope.Scope scope, long renderedAt) {
        Page page = new Page(body, type, etag(body), scope, renderedAt);
        if (body.length <= config.maxPageBytes()) {
            pages.put(key, page);
        }
        return page;
    }

    /** What the kept pages weigh together, in bytes (for tests and operators). */
    public long weight() {
        return pages.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
    }

    /**
     * Completes once this instance has seen every change committed before the call, so a visitor's next page on this
     * instance shows what they just did. Gives up after a second (the page is then at most as stale as any other
     * instance's).
     */
    public Uni<Void> caughtUp() {
        if (!listening) {
            return Uni.createFrom().voidItem();
        }
        long id = markSeq.incrementAndGet();
        CompletableFuture<Void> mark = new CompletableFuture<>();
        marks.put(id, mark);
        notifications.send(CHANNEL, MARK + instance + ":" + id).onFailure(e -> mark.complete(null));
        return Uni.createFrom().completionStage(mark)
                .ifNoItem().after(Duration.ofSeconds(1)).recoverWithItem((Void) null)
                .onTermination().invoke(() -> marks.remove(id))
                .replaceWithVoid();
    }

    /** After a change made through this instance, the response waits until this instance has seen it. */
    @ServerResponseFilter
    Uni<Void> afterChange(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || response.getStatus() >= 400) {
            return Uni.createFrom().voidItem();
        }
        return caughtUp();
    }

    /** A strong entity tag for these bytes (a page here, a static file in {@link StaticFiles}). */
    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
