package org.candor.web;

import jakarta.enterprise.context.RequestScoped;

/** What the page being rendered for this request shows, so {@link PublicPages} knows which changes make it stale. */
@RequestScoped
public class PageScope {

    /** Which NOTIFYs on {@value PublicPages#CHANNEL} make a page stale (besides '*', which makes every page stale). */
    public sealed interface Scope {
    }

    /** One subject's pages: its reviews, comments, replies, annotations, rating summary, statements. */
    public record Subject(long id) implements Scope {
    }

    /** The public log's pages. */
    public record Log() implements Scope {
    }

    /** Pages that show a little of everything (the home page): stale after any change. */
    public record Board() implements Scope {
    }

    private Scope scope;

    public void subject(long id) {
        scope = new Subject(id);
    }

    public void log() {
        scope = new Log();
    }

    public void board() {
        scope = new Board();
    }

    Scope get() {
        return scope;
    }
}
