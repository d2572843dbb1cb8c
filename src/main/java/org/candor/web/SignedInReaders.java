package org.candor.web;

import io.vertx.core.http.HttpServerRequest;

/**
 * Who a request's session signs in, when that is known from memory and nothing needs writing: what
 * {@link KeptSignedInPages} answers by, ahead of Quarkus' security chain. Implemented where sessions are kept
 * ({@code account/KnownReaders}); null whenever the full authentication would do more than read.
 */
public interface SignedInReaders {

    /** The session cookie's name. */
    String SESSION_COOKIE = "candor_session";

    /**
     * A signed-in reader as their session and account are now: {@code signOutOrigin} is the origin their sign-out
     * form ends at (their provider's), or null.
     */
    record Reader(long accountId, String displayName, boolean staff, String signOutOrigin) {
    }

    /** The reader this request's session cookie signs in, or null. */
    Reader find(HttpServerRequest request);

    /**
     * Why {@link #find} gives null for this request: its session cookie is gone, expired or idle too long; its
     * last-seen is due to be written again; its account is not known from memory as it is now.
     */
    enum Unknown {
        SESSION, DUE, ACCOUNT
    }

    /** Why {@link #find} gives null for this request (see {@link Unknown}). */
    Unknown why(HttpServerRequest request);
}
