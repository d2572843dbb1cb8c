package org.candor.moderation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import org.candor.account.CurrentUser;

/** The header's alert badge for a signed-in moderator: {@code {inject:alertBadge.count}} (one indexed count). */
@Named("alertBadge")
@RequestScoped
public class AlertBadge {

    private final AlertInbox alerts;
    private final CurrentUser user;
    private Long count;

    AlertBadge(AlertInbox alerts, CurrentUser user) {
        this.alerts = alerts;
        this.user = user;
    }

    /**
     * How many alerts the signed-in moderator has not marked seen; 0 on a page rendered where the database may not be
     * read (an error page rendered on the I/O thread), whose badge {@link #known()} says the script must fetch.
     */
    public long count() {
        if (count == null) {
            count = known() ? alerts.unseen(user.accountId()) : 0L;
        }
        return count;
    }

    /** Whether the count can be read while rendering this page. */
    public boolean known() {
        return io.quarkus.runtime.BlockingOperationControl.isBlockingAllowed();
    }
}
