package org.candor.review;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import org.candor.account.CurrentUser;
import org.candor.moderation.AuthorNotices;

/** "My activity": a customer's own posts, each with its status, and everything moderators did about them. */
@Path("/me")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ActivityResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance activity(List<MyPost> posts, List<AuthorNotices.Told> told);
    }

    private final ReviewService reviews;
    private final AuthorNotices notices;
    private final CurrentUser user;

    ActivityResource(ReviewService reviews, AuthorNotices notices, CurrentUser user) {
        this.reviews = reviews;
        this.notices = notices;
        this.user = user;
    }

    @GET
    public TemplateInstance activity() {
        return Templates.activity(reviews.activity(user.accountId()), notices.timeline(user.accountId()));
    }
}
