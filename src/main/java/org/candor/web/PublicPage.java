package org.candor.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks a GET page that anonymous visitors may be served from {@link PublicPages}, the rendered-page cache. The method
 * says which data its page shows through {@link PageScope}; a page that names no scope is not cached.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface PublicPage {
}
