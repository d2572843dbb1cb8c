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

/** "My activity": a customer's own posts, each with its status, and everything moderators did about them. */
@Path("/me")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ActivityResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance activity(List<MyPost> posts, List<MyActivity.Told> told);
    }

    private final MyActivity activity;
    private final CurrentUser user;

    ActivityResource(MyActivity activity, CurrentUser user) {
        this.activity = activity;
        this.user = user;
    }

    @GET
    public TemplateInstance activity() {
        return Templates.activity(activity.posts(user.accountId()), activity.told(user.accountId()));
    }
}
