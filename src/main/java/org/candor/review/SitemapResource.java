package org.candor.review;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import org.candor.Sql;
import org.candor.subject.SubjectService;
import org.candor.subject.SubjectSummary;

/**
 * What search engines are told: {@code robots.txt} (the public pages, not staff or personal ones) and a sitemap index
 * of the subjects and of every published review, {@value #PER_FILE} addresses per file (the sitemaps.org limit), read
 * by key ranges so a board of millions of reviews is listed in files of bounded cost.
 */
@Path("/")
public class SitemapResource {

    static final int PER_FILE = 50_000;

    private final EntityManager em;
    private final SubjectService subjects;
    private final String base;

    SitemapResource(EntityManager em, SubjectService subjects,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "candor.moderation.public-url") String base) {
        this.em = em;
        this.subjects = subjects;
        this.base = base;
    }

    @GET
    @Path("robots.txt")
    @Produces("text/plain")
    public String robots() {
        return """
                User-agent: *
                Disallow: /moderation
                Disallow: /admin
                Disallow: /me
                Disallow: /login
                Disallow: /notices
                Disallow: /q/
                Sitemap: %s/sitemap.xml
                """.formatted(base);
    }

    @GET
    @Path("sitemap.xml")
    @Produces("application/xml")
    public String index() {
        Number max = (Number) em.createNativeQuery("select coalesce(max(id), 0) from review").getSingleResult();
        StringBuilder xml = new StringBuilder(HEADER)
                .append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
                .append("<sitemap><loc>").append(base).append("/sitemaps/subjects.xml</loc></sitemap>\n");
        for (long file = 0; file * PER_FILE < max.longValue(); file++) {
            xml.append("<sitemap><loc>").append(base).append("/sitemaps/reviews-").append(file)
                    .append(".xml</loc></sitemap>\n");
        }
        return xml.append("</sitemapindex>\n").toString();
    }

    @GET
    @Path("sitemaps/subjects.xml")
    @Produces("application/xml")
    public String subjects() {
        StringBuilder xml = urlset();
        for (String page : List.of("/", "/rules", "/about/reviews", "/transparency", "/log")) {
            url(xml, base + page, null);
        }
        for (SubjectSummary s : subjects.list()) {
            url(xml, base + "/subjects/" + s.slug(), null);
        }
        return xml.append("</urlset>\n").toString();
    }

    @GET
    @Path("sitemaps/reviews-{file}.xml")
    @Produces("application/xml")
    public String reviews(@PathParam("file") String file) {
        if (!file.matches("\\d{1,6}")) {
            throw new NotFoundException();
        }
        long first = Long.parseLong(file) * PER_FILE;
        StringBuilder xml = urlset();
        for (Tuple t : Sql.tuples(em.createNativeQuery("""
                select s.slug as slug, r.id as id, r.updated_at as at from review r join subject s on s.id = r.subject_id
                where r.id > ?1 and r.id <= ?2 and r.status = 'PUBLISHED' order by r.id""", Tuple.class)
                .setParameter(1, first).setParameter(2, first + PER_FILE))) {
            url(xml, base + "/subjects/" + Sql.text(t, "slug") + "/reviews/" + Sql.number(t, "id"),
                    Sql.instant(t, "at").toString().substring(0, 10));
        }
        return xml.append("</urlset>\n").toString();
    }

    private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private static StringBuilder urlset() {
        return new StringBuilder(HEADER).append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    }

    private static void url(StringBuilder xml, String loc, String lastmod) {
        xml.append("<url><loc>").append(loc.replace("&", "&amp;").replace("<", "&lt;")).append("</loc>");
        if (lastmod != null) {
            xml.append("<lastmod>").append(lastmod).append("</lastmod>");
        }
        xml.append("</url>\n");
    }
}
