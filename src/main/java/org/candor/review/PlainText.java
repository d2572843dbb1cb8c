package org.candor.review;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;

import org.candor.web.Fragment;

/**
 * How customers' text is shown: plain text only. Paragraphs are kept, web addresses become links that pass no
 * reputation ({@code rel="nofollow ugc noopener"}), and everything else is escaped.
 */
@TemplateExtension
public final class PlainText {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R\\s*\\R");

    private PlainText() {
    }

    /** {@code {review.body.paragraphs}} renders the text as escaped paragraphs with linked web addresses. */
    public static RawString paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return new RawString("");
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : PARAGRAPH_BREAK.split(text.strip())) {
            html.append("<p>");
            String[] lines = paragraph.strip().split("\\R");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    html.append("<br>");
                }
                linkify(lines[i], html);
            }
            html.append("</p>");
        }
        return new RawString(html.toString());
    }

    private static void linkify(String line, StringBuilder html) {
        Matcher m = URL.matcher(line);
        int last = 0;
        while (m.find()) {
            String url = m.group();
            // a sentence's closing punctuation is not part of the address
            int trim = url.length();
            while (trim > 0 && ".,;:!?)".indexOf(url.charAt(trim - 1)) >= 0) {
                trim--;
            }
            url = url.substring(0, trim);
            html.append(Fragment.escape(line.substring(last, m.start())));
            html.append("<a href=\"").append(Fragment.escape(url)).append("\" rel=\"nofollow ugc noopener\">")
                    .append(Fragment.escape(url)).append("</a>");
            last = m.start() + url.length();
        }
        html.append(Fragment.escape(line.substring(last)));
    }
}
