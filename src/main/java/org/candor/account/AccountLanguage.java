package org.candor.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.candor.web.LanguageChosen;

/**
 * The language a signed-in person chose: kept with their account, so that what is e-mailed to them later (the
 * moderation of their posts, sent while someone else is on the site) is in that language.
 */
@ApplicationScoped
public class AccountLanguage {

    private final EntityManager em;
    private final CurrentUser user;

    AccountLanguage(EntityManager em, CurrentUser user) {
        this.em = em;
        this.user = user;
    }

    @Transactional
    void remember(@Observes LanguageChosen chosen) {
        if (user.signedIn()) {
            em.createNativeQuery("update account set language = ?1 where id = ?2 and language is distinct from ?1")
                    .setParameter(1, chosen.locale().getLanguage()).setParameter(2, user.accountId()).executeUpdate();
        }
    }
}
