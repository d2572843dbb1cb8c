package org.candor.publiclog;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The public log's Atom (RFC 4287) feed: the 50 newest entries. */
@Path("/log.atom")
public class LogFeedResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance atom(List<LogEntry> entries, LogNames names, String base, String updated);
    }

    private final PublicLog log;

    private final org.candor.web.PublicAddress address;

    LogFeedResource(PublicLog log, org.candor.web.PublicAddress address) {
        this.log = log;
        this.address = address;
    }

    @GET
    @Produces("application/atom+xml")
    public TemplateInstance feed(UriInfo uri) {
        List<LogEntry> entries = log.newest(new PublicLog.Filter(null, null, null, null), null, 50);
        Instant updated = entries.isEmpty() ? Instant.EPOCH : entries.get(0).time();
        return Templates.atom(entries, log.names(entries), address.base(uri), updated.toString());
    }
}
