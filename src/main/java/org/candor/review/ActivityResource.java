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

/**
 * "My activity": a customer's own posts, each with its status; everything moderators did about them, with the
 * statement of reasons of every restriction and the appeal against it; and the reports they sent, with the outcome.
 */
@Path("/me")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ActivityResource {

    /**
     * An appeal typed and refused (the explanation kept, the message shown beside it): {@code against} names what it
     * contests, {@code statement-12} or {@code report-7}.
     */
    public record AppealTyped(String against, String explanation, String error) {

        static final AppealTyped NONE = new AppealTyped("", "", null);

        public String explanationFor(String what) {
            return against.equals(what) ? explanation : "";
        }

        public String errorFor(String what) {
            return against.equals(what) ? error : null;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance activity(List<MyPost> posts, List<MyActivity.Told> told,
                List<MyActivity.MyReport> reports, AppealTyped typed);
    }

    private final MyActivity activity;
    private final CurrentUser user;
    private final MyData data;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    ActivityResource(MyActivity activity, CurrentUser user, MyData data, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.activity = activity;
        this.user = user;
        this.data = data;
        this.json = json;
    }

    /** Everything Candor holds about the signed-in customer, as one JSON file to keep or take elsewhere. */
    @GET
    @jakarta.ws.rs.Path("data")
    @Produces(MediaType.APPLICATION_JSON)
    public jakarta.ws.rs.core.Response data() throws com.fasterxml.jackson.core.JsonProcessingException {
        return jakarta.ws.rs.core.Response.ok(json.writerWithDefaultPrettyPrinter().writeValueAsString(
                data.of(user.accountId())))
                .header("Content-Disposition", "attachment; filename=\"candor-my-data.json\"")
                .header("Cache-Control", "no-store").build();
    }

    @GET
    public TemplateInstance activity() {
        return page(AppealTyped.NONE);
    }

    /** The page, with an appeal that was refused shown again where it was typed. */
    public TemplateInstance page(AppealTyped typed) {
        long me = user.accountId();
        return Templates.activity(activity.posts(me), activity.told(me), activity.reports(me), typed);
    }
}
