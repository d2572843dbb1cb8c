package org.candor.web;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The rendered-page cache for anonymous visitors ({@link PublicPages}). */
@ConfigMapping(prefix = "candor.page-cache")
public interface PageCacheConfig {

    /** What all kept pages may weigh together, in bytes; the least used go first. */
    @WithDefault("33554432")
    long maxBytes();

    /** A page larger than this is served but not kept. */
    @WithDefault("262144")
    int maxPageBytes();

    /**
     * How long a page is kept at most: bounds how long a change made with the database's triggers switched off (nothing
     * else escapes them) can go unseen on the HTML pages. The log's API is never served from here.
     */
    @WithDefault("5M")
    Duration expireAfterWrite();
}
