package org.candor.policy;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The house rules ({@code /rules}), generated from the policy; how reviews work is {@link ReviewsExplainedResource}. */
@Path("/rules")
@Produces(MediaType.TEXT_HTML)
public class RulesResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rules(RulesPage.Rules rules);
    }

    private final RulesPage page;

    RulesResource(RulesPage page) {
        this.page = page;
    }

    @GET
    public TemplateInstance rules() {
        return Templates.rules(page.current());
    }
}
