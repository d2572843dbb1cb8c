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

/** "My activity": a customer's own posts, each with its status. */
@Path("/me")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ActivityResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance activity(List<MyPost> posts);
    }

    private final ReviewService reviews;
    private final CurrentUser user;

    ActivityResource(ReviewService reviews, CurrentUser user) {
        this.reviews = reviews;
        this.user = user;
    }

    @GET
    public TemplateInstance activity() {
        return Templates.activity(reviews.activity(user.accountId()));
    }
}
