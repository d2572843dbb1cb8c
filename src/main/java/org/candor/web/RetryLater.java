package org.candor.web;

/** Too many requests for now: answered 429 with {@code Retry-After} (features extend it with their own reason). */
public class RetryLater extends RuntimeException {

    private final long retryAfterSeconds;

    protected RetryLater(String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
