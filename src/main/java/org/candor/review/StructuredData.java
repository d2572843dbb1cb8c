package org.candor.review;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.candor.subject.SubjectKind;
import org.candor.subject.SubjectSummary;

/**
 * What search engines read on subject and review pages: schema.org JSON-LD ({@code Product}, {@code LocalBusiness} or
 * {@code CreativeWork} by the subject's kind) whose {@code aggregateRating} is exactly the average and count the page
 * shows (published reviews only) and whose {@code review} items are the reviews the page shows in full. Written for a
 * {@code <script type="application/ld+json">} block: every {@code <} is escaped, so no text can close it.
 */
@ApplicationScoped
public class StructuredData {

    private final ObjectMapper json;
    private final String base;

    StructuredData(ObjectMapper json,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "candor.moderation.public-url") String base) {
        this.json = json;
        this.base = base;
    }

    /** A subject page: the subject, its rating summary, and the readable reviews of the page. */
    public String subject(SubjectSummary s, List<ReviewWithComments> reviews) {
        Map<String, Object> item = item(s);
        item.put("url", base + "/subjects/" + s.slug());
        List<Object> shown = new ArrayList<>();
        for (ReviewWithComments r : reviews) {
            if (r.review().readable() && !r.review().hidden() && !r.review().pending()) {
                shown.add(review(r.review(), s.slug()));
            }
        }
        if (!shown.isEmpty()) {
            item.put("review", shown);
        }
        return write(item);
    }

    /** A review's permalink page: the review, and what it reviews. */
    public String review(SubjectSummary s, ReviewCard r) {
        if (!r.readable() || r.hidden() || r.pending()) {
            return null;
        }
        Map<String, Object> review = review(r, s.slug());
        review.put("@context", "https://schema.org");
        review.put("itemReviewed", item(s));
        return write(review);
    }

    /** The schema.org type a subject of this kind is. */
    static String type(SubjectKind kind) {
        return switch (kind) {
            case PRODUCT -> "Product";
            case PLACE -> "LocalBusiness";
            default -> "CreativeWork";
        };
    }

    private Map<String, Object> item(SubjectSummary s) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("@context", "https://schema.org");
        item.put("@type", type(s.kind()));
        item.put("name", s.name());
        if (s.description() != null && !s.description().isBlank()) {
            item.put("description", s.description());
        }
        if (s.reviewCount() > 0) {
            Map<String, Object> aggregate = new LinkedHashMap<>();
            aggregate.put("@type", "AggregateRating");
            aggregate.put("ratingValue", String.format(Locale.ROOT, "%.1f", s.average()));
            aggregate.put("reviewCount", s.reviewCount());
            aggregate.put("bestRating", 5);
            aggregate.put("worstRating", 1);
            item.put("aggregateRating", aggregate);
        }
        return item;
    }

    private Map<String, Object> review(ReviewCard r, String slug) {
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("@type", "Review");
        review.put("url", base + "/subjects/" + slug + "/reviews/" + r.id());
        review.put("author", Map.of("@type", "Person", "name", r.authorName()));
        review.put("datePublished", r.createdAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        if (r.title() != null) {
            review.put("name", r.title());
        }
        review.put("reviewBody", r.body());
        review.put("reviewRating", Map.of("@type", "Rating", "ratingValue", r.rating(), "bestRating", 5, "worstRating", 1));
        return review;
    }

    private String write(Object value) {
        try {
            // no '<' at all in the block: no text can end it or look like markup
            return json.writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
