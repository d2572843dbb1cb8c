package org.candor.devdb;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

import org.candor.account.Account;
import org.candor.account.LoginProviders;
import org.candor.account.Role;
import org.candor.moderation.ModerationService;
import org.candor.policy.ReasonCode;
import org.candor.policy.StatementService;
import org.candor.review.Review;
import org.candor.review.Forms;
import org.candor.review.ReviewPosting;
import org.candor.subject.Subject;
import org.candor.subject.SubjectKind;

/** Fills an empty dev database with a small, believable board. Dev profile only: never in tests or production. */
@IfBuildProfile("dev")
class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    private final LoginProviders providers;
    private final ReviewPosting reviews;
    private final ModerationService moderation;
    private final StatementService statements;
    private final EntityManager em;

    DemoData(LoginProviders providers, ReviewPosting reviews, ModerationService moderation, StatementService statements,
            EntityManager em) {
        this.providers = providers;
        this.reviews = reviews;
        this.moderation = moderation;
        this.statements = statements;
        this.em = em;
    }

    @Transactional
    void seed(@Observes StartupEvent start) {
        if (Subject.count() > 0) {
            return;
        }
        // The personas of the local sign-in page (quarkus.oidc.devservices.roles): the same three people behind every
        // provider's button, with their roles in our database.
        Account ana = null;
        Account mo = null;
        for (LoginProviders.Provider provider : providers.enabled()) {
            Account a = account(provider.id(), "ana", "Ana García", Role.CUSTOMER);
            Account m = account(provider.id(), "mo", "Mo Haddad", Role.MODERATOR);
            m.staffHandle = "Mo";
            account(provider.id(), "ada", "Ada Quinn", Role.ADMIN);
            ana = ana == null ? a : ana;
            mo = mo == null ? m : mo;
        }
        if (mo == null) {
            mo = account("demo", "mo", "Mo Haddad", Role.MODERATOR);
        }
        Account ben = account("demo", "ben", "Ben Okafor", Role.CUSTOMER);
        Account chloe = account("demo", "chloe", "Chloé Martin", Role.CUSTOMER);
        if (ana == null) {
            ana = account("demo", "ana", "Ana García", Role.CUSTOMER);
        }

        Subject kettle = subject("aurora-kettle", "Aurora electric kettle", SubjectKind.PRODUCT,
                "A 1.7 litre kettle with temperature presets for tea and coffee.");
        Subject cafe = subject("harbour-cafe", "Harbour Street café", SubjectKind.PLACE,
                "Our café by the harbour: breakfast, lunch and the roastery's coffee.");
        Subject delivery = subject("home-delivery", "Home delivery", SubjectKind.TOPIC,
                "Orders delivered to your door: timing, packaging and returns.");
        Subject backpack = subject("trail-backpack", "Trailhead 28 L backpack", SubjectKind.PRODUCT,
                "A day pack with a rain cover and a hydration sleeve.");

        review(kettle, ana, 5, "Boils fast and quietly", "Fills to 1.7 litres and the 80 °C preset is perfect for green tea.", 9);
        long hinge = review(kettle, ben, 2, "Lid hinge broke after a month",
                "The lid stopped closing properly after four weeks. I would like to know whether this is a known problem.", 4);
        review(cafe, chloe, 4, "Lovely spot, slow on Sundays",
                "Great flat white and pastries. On Sunday morning we waited 25 minutes for a table.", 3);
        review(cafe, ana, 5, null, "The staff remembered my order on my second visit. Lovely.", 2);
        long rain = review(delivery, ben, 1, "Parcel left in the rain",
                "The driver left the box on the doorstep in the rain and the instructions got soaked. Call me on 0612 345 678.", 1);

        // Moderators at work: a canned reply, an annotation, a redaction (each on the public log), and a subject under
        // pre-moderation with a post waiting for a decision.
        moderation.reply(mo.id, itemOf(hinge), 0, null, 1L, 2L, "DEFECT");
        moderation.annotate(mo.id, itemOf(rain), 0, "We contacted this customer and replaced the damaged order.");
        moderation.redact(mo.id, itemOf(rain), 1, "0612 345 678", ReasonCode.PERSONAL_DATA, "Phone number removed.");
        statements.publish(mo.id, kettle.slug, "Lid hinges on early kettles",
                "Some kettles made in March have a weak lid hinge. We are sorry. Write to us with your order number and "
                        + "we will send a new lid, free, whatever the date of purchase.");
        em.createNativeQuery("update subject set moderation_mode = 'PRE' where id = ?1").setParameter(1, backpack.id)
                .executeUpdate();
        review(backpack, chloe, 2, "Straps dig in", "Comfortable for an hour, then the shoulder straps start to dig in.", 0);
        LOG.infof("Demo data created: 4 subjects, 6 reviews (one held on the pre-moderated backpack); sign in as ana (customer), mo (moderator) or ada (admin) with any of %d providers", providers.enabled().size());
    }

    private static Account account(String provider, String id, String name, Role role) {
        Account a = new Account();
        a.provider = provider;
        a.providerSubject = id;
        a.displayName = name;
        a.role = role;
        a.persist();
        return a;
    }

    private static Subject subject(String slug, String name, SubjectKind kind, String description) {
        Subject s = new Subject();
        s.slug = slug;
        s.name = name;
        s.kind = kind;
        s.description = description;
        s.persist();
        return s;
    }

    private long review(Subject subject, Account author, int rating, String title, String body, int daysAgo) {
        long id = reviews.write(author.id, subject.slug, Forms.ReviewForm.of(rating, title, body)).reviewId();
        // backdate the demo so the board looks lived in
        Review.update("createdAt = ?1, updatedAt = ?1 where id = ?2", Instant.now().minus(daysAgo, ChronoUnit.DAYS), id);
        return id;
    }

    /** The open queue item of a review. */
    private long itemOf(long reviewId) {
        return em.createQuery("select i.id from QueueItem i where i.reviewId = ?1 and i.status = 'OPEN'", Long.class)
                .setParameter(1, reviewId).getSingleResult();
    }
}
