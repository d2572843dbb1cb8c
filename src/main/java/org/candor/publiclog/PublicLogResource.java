package org.candor.publiclog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.candor.web.PageScope;
import org.candor.web.PublicPage;

/** The public log as a page, an Atom feed, and the page that explains how to check it. */
@Path("/log")
public class PublicLogResource {

    static final int PAGE_SIZE = 50;

    /** The filters as typed, to show them again in the form. */
    public record FilterForm(String subject, String kind, String from, String to) {
        String query() {
            StringBuilder q = new StringBuilder();
            append(q, "subject", subject);
            append(q, "kind", kind);
            append(q, "from", from);
            append(q, "to", to);
            return q.toString();
        }

        private static void append(StringBuilder q, String name, String value) {
            if (value != null && !value.isBlank()) {
                q.append('&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<LogEntry> entries, LogNames names, FilterForm filter, List<LogKind> kinds, Long older,
                String olderQuery, long size, boolean badDate);

        static native TemplateInstance verify(String verifierKey, Checkpoint checkpoint, String base);
    }

    private final PublicLog log;
    private final PageScope scope;

    private final org.candor.web.PublicAddress address;

    PublicLogResource(PublicLog log, PageScope scope, org.candor.web.PublicAddress address) {
        this.address = address;
        this.log = log;
        this.scope = scope;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @PublicPage(params = { "subject", "kind", "from", "to", "before" })
    public Response list(@QueryParam("subject") String subject, @QueryParam("kind") String kind,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("before") Long before) {
        scope.log();
        FilterForm form = new FilterForm(subject, kind, from, to);
        Instant fromTime = day(from);
        Instant toTime = day(to);
        boolean badDate = (from != null && !from.isBlank() && fromTime == null) || (to != null && !to.isBlank() && toTime == null);
        // a subject by its name or its address
        String slug = subject == null || subject.isBlank() ? null : log.subjectNamed(subject).orElse(subject.strip());
        PublicLog.Filter filter = new PublicLog.Filter(slug,
                LogKind.parse(kind), fromTime, toTime == null ? null : toTime.plusSeconds(86_400));
        List<LogEntry> entries = log.newest(filter, before, PAGE_SIZE + 1);
        Long older = null;
        if (entries.size() > PAGE_SIZE) {
            entries = entries.subList(0, PAGE_SIZE);
            older = entries.get(PAGE_SIZE - 1).seq();
        }
        return Response.status(badDate ? 400 : 200)
                .entity(Templates.list(entries, log.names(entries), form, List.of(LogKind.values()), older, form.query(), log.size(), badDate))
                .build();
    }

    @GET
    @Path("verify")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance verify(UriInfo uri) {
        return Templates.verify(log.verifierKey(), log.checkpoint(), address.base(uri));
    }

    static Instant day(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
