package org.candor.policy;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * How reviews work ({@code /about/reviews}): who writes them, whether they are checked, whether all are published,
 * the order and the average (what the Omnibus Directive asks a business to say), generated from the policy.
 */
@Path("/about/reviews")
@Produces(MediaType.TEXT_HTML)
public class ReviewsExplainedResource {

    @CheckedTemplate(basePath = "RulesResource")
    static class Templates {
        static native TemplateInstance reviews(RulesPage.Rules rules);
    }

    private final RulesPage page;

    ReviewsExplainedResource(RulesPage page) {
        this.page = page;
    }

    @GET
    public TemplateInstance reviews() {
        return Templates.reviews(page.current());
    }
}
