package org.candor.review;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.candor.account.AccountService;

/** The origins (scheme, host and port of a shop's site) an admin allows to frame the widget and read its JSON. */
@ApplicationScoped
public class EmbedOrigins {

    private final EntityManager em;
    private final AccountService accounts;

    EmbedOrigins(EntityManager em, AccountService accounts) {
        this.em = em;
        this.accounts = accounts;
    }

    /** An origin as it is kept ({@code https://shop.example}, {@code http://localhost:9000}); null when it is none. */
    public static String normalise(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!("https".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return null;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            if (!host.matches("[a-z0-9.\\-\\[\\]:]+")) {
                return null;
            }
            return scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    @Transactional
    public List<String> all() {
        @SuppressWarnings("unchecked")
        List<String> origins = em.createNativeQuery("select origin from embed_origin where removed_at is null order by origin").getResultList();
        return origins;
    }

    @Transactional
    public void add(long adminId, String origin) {
        accounts.admin(adminId);
        em.createNativeQuery("insert into embed_origin (origin, added_by) values (?1, ?2) on conflict (origin) where removed_at is null "
                + "do nothing")
                .setParameter(1, origin).setParameter(2, adminId).executeUpdate();
    }

    /** Stops an origin from framing the widget (its row stays, saying who removed it and when). */
    @Transactional
    public void remove(long adminId, String origin) {
        accounts.admin(adminId);
        em.createNativeQuery("update embed_origin set removed_at = now(), removed_by = ?2 "
                + "where origin = ?1 and removed_at is null").setParameter(1, origin).setParameter(2, adminId).executeUpdate();
    }
}
