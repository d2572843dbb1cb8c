package org.candor.web;

import java.net.URI;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The language switcher: remembers the choice in a cookie (and, for someone signed in, with their account:
 * {@link LanguageChosen}) and goes back to the page the visitor was on.
 */
@Path("/lang")
public class LanguageResource {

    private final boolean secure;
    private final jakarta.enterprise.event.Event<LanguageChosen> chosen;

    LanguageResource(@ConfigProperty(name = "candor.session.cookie-secure", defaultValue = "false") boolean secure,
            jakarta.enterprise.event.Event<LanguageChosen> chosen) {
        this.secure = secure;
        this.chosen = chosen;
    }

    @GET
    @Path("{tag}")
    public Response choose(@PathParam("tag") String tag, @QueryParam("back") String back) {
        Locale locale = Ui.supported(tag);
        if (locale == null) {
            throw new NotFoundException();
        }
        chosen.fire(new LanguageChosen(locale));
        NewCookie cookie = new NewCookie.Builder(Ui.LANGUAGE_COOKIE)
                .value(locale.getLanguage())
                .path("/")
                .maxAge(365 * 24 * 3600)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .secure(secure)
                .build();
        return Response.seeOther(URI.create(LocalPath.orHome(back))).cookie(cookie).build();
    }
}
