package org.candor.subject;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Reads and changes the subjects people review. */
@ApplicationScoped
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

    /** The subject with this slug, as its public page shows it. */
    public Optional<SubjectPage> page(String slug) {
        List<Subject> found = em.createQuery("from Subject s where s.slug = :slug", Subject.class)
                .setParameter("slug", slug)
                .getResultList();
        return found.stream().findFirst().map(s -> new SubjectPage(s.id,
                new SubjectSummary(s.slug, s.name, s.description, s.kind, s.imageUrl, s.reviewCount, s.ratingSum),
                List.of(s.stars1, s.stars2, s.stars3, s.stars4, s.stars5)));
    }
}
