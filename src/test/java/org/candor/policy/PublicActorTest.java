package org.candor.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.candor.account.Role;

/** How staff appear in public: the role, spelt the same on every server (the handle is tested in PolicyTest). */
class PublicActorTest {

    @Test
    void aRoleReadsTheSameWhateverTheServersLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("admin", PublicActor.role(Role.ADMIN));
            assertEquals("moderator", PublicActor.role("MODERATOR"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
