package org.candor.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.ws.rs.NameBinding;

/**
 * Marks a GET page that anonymous visitors may be served from {@link PublicPages}, the rendered-page cache. The method
 * says which data its page shows through {@link PageScope}; a page that names no scope is not cached.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface PublicPage {

    /**
     * The query parameters the page reads. They alone (in this order) make the page's cache key; a request carrying any
     * other parameter, or one of these twice, is rendered afresh and not kept, so junk in the address cannot fill memory.
     */
    @Nonbinding
    String[] params() default {};
}
