package org.candor.subject;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.candor.review.ReviewCard;
import org.candor.review.ReviewService;

/** The home page and the public page of each subject. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SubjectResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<SubjectSummary> subjects);

        static native TemplateInstance show(SubjectPage subject, List<ReviewCard> reviews, Long olderThan,
                boolean firstPage);
    }

    private final SubjectService subjects;
    private final ReviewService reviews;

    SubjectResource(SubjectService subjects, ReviewService reviews) {
        this.subjects = subjects;
        this.reviews = reviews;
    }

    @GET
    public TemplateInstance home() {
        return Templates.home(subjects.list());
    }

    @GET
    @Path("subjects/{slug}")
    public TemplateInstance show(@PathParam("slug") String slug, @QueryParam("before") Long before) {
        SubjectPage page = subjects.page(slug).orElseThrow(NotFoundException::new);
        List<ReviewCard> cards = reviews.publicPage(page.id(), before);
        Long olderThan = null;
        if (cards.size() > ReviewService.PAGE_SIZE) {
            cards = cards.subList(0, ReviewService.PAGE_SIZE);
            olderThan = cards.get(cards.size() - 1).id();
        }
        return Templates.show(page, cards, olderThan, before == null);
    }
}
