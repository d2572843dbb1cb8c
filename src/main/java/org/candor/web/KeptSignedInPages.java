package org.candor.web;

import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.netty.buffer.Unpooled;
import io.quarkus.csrf.reactive.runtime.RestCsrfConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.candor.Jitter;
import org.candor.PerSecond;

/**
 * A customer's subject page — and a moderator's queue tab or item page — answered again from what its last rendering
 * kept, ahead of Quarkus' security chain and REST layer, which were most of what such a page still cost once it was
 * made from a stencil (#19, docs/benchmarks.md). Staff pages are remembered by {@link #rememberStaff} and answered
 * under the same conditions, their stencil current by the moderation queue's own rule, only to staff.
 * <p>
 * When a customer's page was made from a kept stencil ({@link Stencils}), the resource remembers how — which stencil,
 * the shared part it was made from, the customer's own words in it — under the customer, language and address; the
 * next request for that address is answered here while all of it holds:
 * <ul>
 * <li>the session cookie signs in an account known from memory and unchanged, as a customer, with nothing to write
 * (not due for renewal: {@link SignedInReaders});</li>
 * <li>the request brings no one-time message, no waiting draft, no credentials of another kind, and its CSRF cookie is
 * one the CSRF filter would take as it is;</li>
 * <li>that very stencil is still kept, and the shared part it was made from is still the current one of its subject
 * (nothing of the subject changed since: the customer's own review and its status included).</li>
 * </ul>
 * Otherwise the request goes on its usual way, which renders (or fills) the page and remembers it again. The answer is
 * the one the resource gives: the stencil with the customer's current name, their CSRF token and their own words, the
 * same headers (content security policy, the CSRF cookie renewed); the headers Quarkus adds to every response are added
 * before this route runs.
 */
@ApplicationScoped
public class KeptSignedInPages {

    private static final Logger LOG = Logger.getLogger(KeptSignedInPages.class);
    private static final CharSequence CSP = HttpHeaders.createOptimized("Content-Security-Policy");
    /**
     * After Quarkus' CORS handling (-300) and Candor's cookie filters (-250, -240), before authentication (-200) and
     * authorisation (-100).
     */
    static final int ORDER = -210;
    /** Header values as bytes once (Vert.x copies these instead of encoding each character on every answer). */
    private static final CharSequence HTML = HttpHeaders.createOptimized("text/html;charset=UTF-8");

    /**
     * How one reader's page at one address was made: from which stencil, whether it is current, for a customer or
     * staff, and the reader's own words in its slots after their name and CSRF token.
     */
    private record Made(String stencilKey, long stencil, Predicate<Object> current, boolean staff, String[] own,
            int weight, long due, BooleanSupplier kept, BooleanSupplier unchanged) {

        /** The same, due at {@code due} (System.nanoTime). */
        Made dueAt(long due) {
            return new Made(stencilKey, stencil, current, staff, own, weight, due, kept, unchanged);
        }
    }

    /**
     * Why a signed-in request was rendered rather than answered here: it acts (a one-time message, a draft, other
     * credentials), its session is gone or due to be renewed, its account is not known from memory as it is now, its
     * CSRF cookie would be replaced, nothing is remembered for it, it was remembered for
     * another role, or what it was made from is gone or changed ({@link Stencils#why}).
     */
    enum Declined {
        ACTING("acting"), SESSION("session"), SESSION_DUE("session-due"), ACCOUNT("account-not-known"),
        CSRF_COOKIE("csrf-cookie"), NOT_REMEMBERED("not-remembered"),
        ROLE("role"), STENCIL_GONE("stencil-gone"), STENCIL_REPLACED("stencil-replaced"),
        BASIS_CHANGED("basis-changed"), FAILED("failed");

        final String tag;

        Declined(String tag) {
            this.tag = tag;
        }
    }

    private final Cache<String, Made> made;
    /** The entries whose reader's own words are being read again (see {@link #recheck}). */
    private final Set<String> rechecking = ConcurrentHashMap.newKeySet();
    /**
     * Own words read on worker threads, at most 200 a second: the rest stay due, answered meanwhile (a window that
     * came more than five minutes after 12,000 customers were last seen read them all in three seconds, and the page
     * all but stopped).
     */
    private final PerSecond reads = new PerSecond(200, System::nanoTime);
    private final Duration age;
    private final LongAdder served = new LongAdder();
    private final Map<Declined, Counter> declined = new EnumMap<>(Declined.class);
    /** Own words read again and found the same, or not (or not readable). */
    private final Counter same;
    private final Counter changed;
    private final SignedInReaders readers;
    private final Stencils stencils;
    private final SharedFragments shared;
    private final RestCsrfConfig csrf;
    private final CsrfCookieText csrfCookie;

    KeptSignedInPages(PageCacheConfig config, SignedInReaders readers, Stencils stencils, SharedFragments shared,
            RestCsrfConfig csrf, MeterRegistry registry) {
        this.readers = readers;
        this.stencils = stencils;
        this.shared = shared;
        this.csrf = csrf;
        this.csrfCookie = new CsrfCookieText(csrf);
        this.age = config.expireAfterWrite();
        this.made = Caffeine.newBuilder()
                // a customer's entry is ~0.5 KB without their own words: 12,000 customers ~6 MB
                .maximumWeight(config.maxBytes() / 4)
                .weigher((String key, Made m) -> 2 * (key.length() + m.stencilKey().length()) + m.weight() + 200)
                // an entry is checked against the stencil and shared part it names on every answer; a customer's own
                // words in it are read again in the background once due (half to all of the page cache's age, each its
                // own while) and it is never answered from words read longer than twice that ago; a moderator's
                // entry, with no words of theirs, lives half to all of that age (#19)
                .expireAfter(Expiry.writing((String key, Made m) -> m.unchanged() == null ? Jitter.within(age)
                        : age.multipliedBy(2)))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, made, "signed-in-pages");
        FunctionCounter.builder("candor.kept.answers", served, LongAdder::doubleValue)
                .description("Signed-in pages answered from what their last rendering kept, ahead of the security chain")
                .register(registry);
        this.same = rechecks(registry, "same");
        this.changed = rechecks(registry, "changed");
        for (Declined why : Declined.values()) {
            declined.put(why, Counter.builder("candor.kept.declined").tag("reason", why.tag)
                    .description("Signed-in pages rendered rather than answered from memory, by why")
                    .register(registry));
        }
    }

    void register(@Observes Router router) {
        boolean simpleCsrf = csrf.tokenSignatureKey().isEmpty() && csrf.createTokenPath().isEmpty();
        if (!simpleCsrf) {
            LOG.info("CSRF tokens are signed or made on some paths only: signed-in pages are always rendered");
            return;
        }
        router.get("/subjects/:slug").order(ORDER).handler(this::serve);
        router.get("/moderation").order(ORDER).handler(this::serve);
        router.get("/moderation/items/:id").order(ORDER).handler(this::serve);
    }

    /**
     * Remembers how the page at {@code address} (path and query) in {@code lang} was made for {@code accountId}: from
     * the stencil {@code stencil} kept under {@code stencilKey}, made from the shared part kept under
     * {@code sharedKey}, with the customer's own {@code title} and {@code body} in its slots after their name and
     * CSRF token. Once the entry is due ({@link #recheck}), {@code kept} says from memory whether those are still their
     * words (on the event loop: true or false, no database), and when it cannot tell, {@code unchanged} says it from
     * the database (on a worker thread).
     */
    public void remember(long accountId, String lang, String address, String stencilKey, long stencil,
            String sharedKey, String title, String body, BooleanSupplier kept, BooleanSupplier unchanged) {
        if (stencil > 0 && title != null && body != null) {
            made.put(key(accountId, lang, address), new Made(stencilKey, stencil,
                    basis -> basis instanceof SharedFragments.Part part && shared.current(sharedKey, part), false,
                    new String[] { title, body }, 2 * (sharedKey.length() + title.length() + body.length()),
                    dueIn(age), kept, unchanged));
        }
    }

    /**
     * Remembers how a staff page at {@code address} (a queue tab, an item) in {@code lang} was made for
     * {@code accountId}: from the stencil {@code stencil} kept under {@code stencilKey}, whose basis {@code current}
     * says is still current, with only their name and CSRF token in its slots.
     */
    public void rememberStaff(long accountId, String lang, String address, String stencilKey, long stencil,
            Predicate<Object> current) {
        if (stencil > 0) {
            made.put(key(accountId, lang, address),
                    new Made(stencilKey, stencil, current, true, new String[0], 0, Long.MAX_VALUE, null, null));
        }
    }

    /** How many pages were answered here so far (for tests and operators). */
    public long hits() {
        return served.sum();
    }

    private void serve(RoutingContext context) {
        HttpServerRequest request = context.request();
        String cookies = request.getHeader(HttpHeaders.COOKIE);
        if (cookies == null || !cookies.contains(SignedInReaders.SESSION_COOKIE)) {
            context.next();
            return;
        }
        byte[][] page = null;
        SignedInReaders.Reader reader = null;
        String token = null;
        Declined why;
        try {
            boolean plain = plain(request, cookies);
            reader = plain ? readers.find(request) : null;
            token = reader == null ? null : token(request);
            String key = token == null ? null : key(reader.accountId(), Ui.resolve(request).getLanguage(), request.uri());
            Made m = key == null ? null : made.getIfPresent(key);
            if (m != null && m.staff() == reader.staff()) {
                page = stencils.fill(m.stencilKey(), m.stencil(), m.current(), values(reader, token, m.own()));
                if (page != null && m.unchanged() != null && System.nanoTime() - m.due() > 0) {
                    recheck(context, key, m);
                }
            }
            why = page != null ? null
                    : reader == null ? (plain ? unknown(request) : Declined.ACTING)
                    : token == null ? Declined.CSRF_COOKIE
                    : m == null ? Declined.NOT_REMEMBERED
                    : m.staff() != reader.staff() ? Declined.ROLE
                    : stencils.why(m.stencilKey(), m.stencil());
        } catch (RuntimeException e) {
            LOG.debugf(e, "Rendering %s instead of answering it from memory", request.uri());
            page = null;
            why = Declined.FAILED;
        }
        if (page == null) {
            declined.get(why).increment();
            context.next();
            return;
        }
        served.increment();
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, HTML)
                .putHeader(CSP, SecurityHeaders.pagePolicy(reader.signOutOrigin()))
                .putHeader(HttpHeaders.SET_COOKIE, csrfCookie.header(token, context.request().isSSL()))
                .end(Buffer.buffer(Unpooled.wrappedBuffer(page)));
    }

    /**
     * Checks the reader's own words of entry {@code m} again: from memory when it can tell, else read on a worker
     * thread, once at a time and a few hundred a second at most. Unchanged, the entry is due again later; changed (or
     * unreadable), it is dropped and their next view renders. Meanwhile the entry is answered as it is: a change to
     * their words changes the subject, which makes it stale at once (its basis); this reading is the bound for a change
     * nobody announced, as the page cache's own age is (and the entry's hard expiry, twice that, if it is not read).
     */
    private void recheck(RoutingContext context, String key, Made m) {
        if (m.kept().getAsBoolean()) {
            // known from memory: no worker thread, no database (a benchmark's 12,000 customers all came due at once)
            same.increment();
            made.asMap().replace(key, m, m.dueAt(dueIn(age)));
            return;
        }
        if (!reads.tryTake() || !rechecking.add(key)) {
            return;
        }
        context.vertx().executeBlocking(() -> m.unchanged().getAsBoolean(), false).onComplete(found -> {
            rechecking.remove(key);
            if (found.succeeded() && found.result()) {
                this.same.increment();
                made.asMap().replace(key, m, m.dueAt(dueIn(age)));
            } else {
                this.changed.increment();
                made.asMap().remove(key, m);
            }
        });
    }

    private static Counter rechecks(MeterRegistry registry, String found) {
        return Counter.builder("candor.kept.rechecks").tag("found", found)
                .description("Customers' own words in remembered pages read again once due, by what was found")
                .register(registry);
    }

    /**
     * Makes every remembered customer's page due for its words to be read again: from memory, or, unless
     * {@code fromMemory}, as if memory could not tell, on a worker thread (for tests).
     */
    void dueNow(boolean fromMemory) {
        made.asMap().replaceAll((key, m) -> m.unchanged() == null ? m
                : new Made(m.stencilKey(), m.stencil(), m.current(), m.staff(), m.own(), m.weight(), System.nanoTime(),
                        fromMemory ? m.kept() : () -> false, m.unchanged()));
    }

    private static long dueIn(Duration age) {
        return System.nanoTime() + Jitter.within(age).toNanos();
    }

    /**
     * A session cookie and nothing the page would act on otherwise: a one-time message, a waiting draft, a bearer
     * key, a CSRF token in a header. Looks at the raw header first (parsing every cookie is what this route saves).
     */
    private boolean plain(HttpServerRequest request, String cookies) {
        return !cookies.contains(Flash.COOKIE)
                && !cookies.contains(Drafts.COOKIE) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getHeader(csrf.tokenHeaderName()) == null;
    }

    /** The request's CSRF token, when its cookie holds one the CSRF filter takes as it is (its size right); else null. */
    private String token(HttpServerRequest request) {
        Cookie cookie = request.getCookie(csrf.cookieName());
        if (cookie == null) {
            return null;
        }
        try {
            return Base64.getUrlDecoder().decode(cookie.getValue()).length == csrf.tokenSize() ? cookie.getValue() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Declined unknown(HttpServerRequest request) {
        return switch (readers.why(request)) {
            case SESSION -> Declined.SESSION;
            case DUE -> Declined.SESSION_DUE;
            case ACCOUNT -> Declined.ACCOUNT;
        };
    }

    private static String[] values(SignedInReaders.Reader reader, String token, String[] own) {
        String[] values = new String[2 + own.length];
        values[Stencils.NAME] = reader.displayName();
        values[Stencils.CSRF] = token;
        System.arraycopy(own, 0, values, 2, own.length);
        return values;
    }

    private static String key(long accountId, String lang, String address) {
        return accountId + " " + lang + ' ' + address;
    }
}
