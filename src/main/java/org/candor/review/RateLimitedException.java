package org.candor.review;

import org.candor.web.RetryLater;

/** The account has posted as much as it may for now; it can try again after {@code retryAfterSeconds}. */
public class RateLimitedException extends RetryLater {

    public RateLimitedException(long retryAfterSeconds) {
        super("posting rate limit reached", retryAfterSeconds);
    }
}
