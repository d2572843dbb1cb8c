package org.candor;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

/**
 * How people name a subject when they pick one (a filter, a form): by its name, or by its address. Shared by the
 * feature packages that take a subject from a person (the public log's filter, the admin pages).
 */
public final class SubjectNames {

    private SubjectNames() {
    }

    /**
     * The address of the subject someone named: the text itself when a subject has that address, else the address of
     * the one subject with that name (any case); empty when none or several do.
     */
    @SuppressWarnings("unchecked")
    public static Optional<String> slugOf(EntityManager em, String nameOrAddress) {
        if (nameOrAddress == null || nameOrAddress.isBlank() || nameOrAddress.length() > 200
                || nameOrAddress.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        String text = nameOrAddress.strip();
        List<Object> found = em.createNativeQuery("""
                select slug from subject where slug = ?1
                union all (select slug from subject where lower(name) = lower(?1) limit 2)""")
                .setParameter(1, text).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String first = String.valueOf(found.get(0));
        return first.equals(text) || found.size() == 1 ? Optional.of(first) : Optional.empty();
    }
}
