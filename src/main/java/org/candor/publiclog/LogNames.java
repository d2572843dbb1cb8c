package org.candor.publiclog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.candor.Sql;

/**
 * What a reader of the log sees instead of addresses and numbers: a subject's name for its address, and a published
 * review's title (or its first words) for the review an entry is about. Read for one page of entries at a time.
 * Nothing here is signed: the entries themselves keep the address and the id.
 */
public record LogNames(Map<String, String> subjects, Map<Long, String> posts) {

    /** How many words of a review without a title name it. */
    private static final int FIRST_WORDS = 8;

    public static final LogNames NONE = new LogNames(Map.of(), Map.of());

    /** The subject's name, or its address when the subject is not known. */
    public String subject(String slug) {
        return subjects.getOrDefault(slug, slug);
    }

    /** The review's title or first words while it is published, else null (the link then says "the post"). */
    public String post(Long reviewId) {
        return reviewId == null ? null : posts.get(reviewId);
    }

    /** The names of the subjects and reviews these entries are about, in two queries. */
    static LogNames of(EntityManager em, List<LogEntry> entries) {
        String[] slugs = entries.stream().map(LogEntry::subject).filter(Objects::nonNull).distinct().toArray(String[]::new);
        Long[] reviews = entries.stream().map(LogEntry::reviewId).filter(Objects::nonNull).distinct().toArray(Long[]::new);
        if (slugs.length == 0) {
            return NONE;
        }
        Map<String, String> subjects = new HashMap<>();
        for (Tuple t : Sql.tuples(em.createNativeQuery("select slug as slug, name as name from subject where slug = any(?1)",
                Tuple.class).setParameter(1, slugs))) {
            subjects.put(Sql.text(t, "slug"), Sql.text(t, "name"));
        }
        Map<Long, String> posts = new HashMap<>();
        if (reviews.length > 0) {
            for (Tuple t : Sql.tuples(em.createNativeQuery("""
                    select id as id, coalesce(nullif(btrim(title), ''), left(body, 200)) as name from review
                    where id = any(?1) and status = 'PUBLISHED'""", Tuple.class).setParameter(1, reviews))) {
                posts.put(Sql.number(t, "id"), firstWords(Sql.text(t, "name")));
            }
        }
        return new LogNames(subjects, posts);
    }

    static String firstWords(String text) {
        String[] words = text.strip().split("\\s+");
        return words.length <= FIRST_WORDS ? String.join(" ", words)
                : String.join(" ", List.of(words).subList(0, FIRST_WORDS)) + "…";
    }
}
