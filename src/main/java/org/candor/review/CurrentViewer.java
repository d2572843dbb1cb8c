package org.candor.review;

import jakarta.enterprise.context.RequestScoped;

import org.candor.account.CurrentUser;

/** The reader of the current request, for visibility decisions. */
@RequestScoped
public class CurrentViewer {

    private final CurrentUser user;

    CurrentViewer(CurrentUser user) {
        this.user = user;
    }

    public Viewer get() {
        return user.signedIn() ? new Viewer(user.accountId(), user.isModerator(), user.isAdmin()) : Viewer.ANONYMOUS;
    }
}
