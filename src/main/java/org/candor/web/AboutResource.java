package org.candor.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The transparency promise, in plain words. */
@Path("/about")
public class AboutResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance about();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance about() {
        return Templates.about();
    }
}
