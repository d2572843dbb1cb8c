package org.candor.subject;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/** Reads and changes the subjects people review. */
@ApplicationScoped
@jakarta.inject.Named("subjectPicker")
public class SubjectService {

    private final EntityManager em;

    SubjectService(EntityManager em) {
        this.em = em;
    }

    /** Every subject with its rating summary, by name. */
    public List<SubjectSummary> list() {
        return em.createQuery("""
                select new org.candor.subject.SubjectSummary(s.slug, s.name, s.description, s.kind, s.imageUrl,
                    s.reviewCount, s.ratingSum)
                from Subject s order by lower(s.name)""", SubjectSummary.class)
                .getResultList();
    }

    /**
     * Counts a published review with this rating in (+1) or out (-1) of its subject's summary. One atomic update, so
     * concurrent posts on a busy subject never conflict; call it in the transaction that changes the review.
     */
    public void countRating(long subjectId, int rating, int delta) {
        em.createNativeQuery(RatingSummary.update(rating, "?1", "?2"))
                .setParameter(1, delta)
                .setParameter(2, subjectId)
                .executeUpdate();
    }

    /** Whether another subject than {@code exceptId} uses this slug. */
    public boolean slugTaken(String slug, Long exceptId) {
        return !em.createQuery("select s.id from Subject s where s.slug = :slug and s.id <> :except", Long.class)
                .setParameter("slug", slug).setParameter("except", exceptId == null ? -1L : exceptId)
                .getResultList().isEmpty();
    }

    /** Creates a subject (admins). */
    @Transactional
    public Subject create(SubjectForm form) {
        Subject subject = new Subject();
        apply(subject, form);
        em.persist(subject);
        return subject;
    }

    /** Changes a subject's details (admins). Its reviews and rating summary stay as they are. */
    @Transactional
    public Subject update(String slug, SubjectForm form) {
        Subject subject = em.createQuery("from Subject s where s.slug = :slug", Subject.class)
                .setParameter("slug", slug).getResultStream().findFirst().orElseThrow(NotFoundException::new);
        apply(subject, form);
        return subject;
    }

    public Optional<Subject> bySlug(String slug) {
        if (!isSlug(slug)) {
            return Optional.empty(); // nothing else can name a subject, and the database never sees junk
        }
        return em.createQuery("from Subject s where s.slug = :slug", Subject.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    private static void apply(Subject subject, SubjectForm form) {
        subject.slug = form.slug().strip();
        subject.name = form.name().strip();
        subject.description = form.description() == null ? "" : form.description().strip();
        subject.kind = SubjectKind.valueOf(form.kind());
        subject.imageUrl = form.imageUrl() == null || form.imageUrl().isBlank() ? null : form.imageUrl().strip();
    }

    /** The internal id of the subject with this slug. */
    public Optional<Long> idOf(String slug) {
        if (!isSlug(slug)) {
            return Optional.empty();
        }
        return em.createQuery("select s.id from Subject s where s.slug = :slug", Long.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    /**
     * The address of the subject someone named: the text itself when a subject has that address, else the address of
     * the one subject with that name (any case); empty when none or several do.
     */
    /** The address of the subject an admin named, by name or address ({@link org.candor.SubjectNames#slugOf}). */
    public Optional<String> slugOf(String nameOrAddress) {
        return org.candor.SubjectNames.slugOf(em, nameOrAddress);
    }

    /** The names of every subject, by name (at most 2,000): what a subject picker offers ({@code inject:subjectPicker.names}, {@code tags/subjectPicker.html}). */
    @SuppressWarnings("unchecked")
    public List<String> names() {
        return ((List<Object>) em.createNativeQuery("select name from subject order by name limit 2000").getResultList())
                .stream().map(String::valueOf).toList();
    }

    /** The subject with this slug, as its public page shows it. */
    /** Whether the text has the shape of a subject's address (lower-case letters, digits, single hyphens). */
    public static boolean isSlug(String slug) {
        return slug != null && slug.length() <= 80 && slug.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    public Optional<SubjectPage> page(String slug) {
        return bySlug(slug).map(s -> new SubjectPage(s.id,
                new SubjectSummary(s.slug, s.name, s.description, s.kind, s.imageUrl, s.reviewCount, s.ratingSum),
                List.of(s.stars1, s.stars2, s.stars3, s.stars4, s.stars5)));
    }
}
