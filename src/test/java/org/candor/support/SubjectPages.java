package org.candor.support;

/** A subject page as its customers use it: write a review through its form, and read its parts from the HTML. */
public final class SubjectPages {

    private SubjectPages() {
    }

    /** Posts {@code who}'s review on the subject at {@code page}, as its form does. */
    public static void write(Session who, String page, String rating, String title, String body) {
        who.form().formParam("rating", rating).formParam("title", title).formParam("body", body)
                .post(page + "/reviews").then().statusCode(303);
    }

    /** The review list of a subject page. */
    public static String list(String html) {
        return section(html, "<section class=\"reviews\"");
    }

    /** The review form of a subject page. */
    public static String form(String html) {
        return section(html, "id=\"write\"");
    }

    private static String section(String html, String start) {
        int from = html.indexOf(start);
        if (from < 0) {
            throw new AssertionError("no " + start + " in the page: " + html);
        }
        return html.substring(from, html.indexOf("</section>", from));
    }
}
