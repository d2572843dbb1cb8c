package org.candor.policy;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.candor.Sql;
import org.candor.account.Account;
import org.candor.policy.PolicyChanges.StaleException;

/** The board-wide moderation settings and the subjects with a moderation mode of their own. */
@ApplicationScoped
public class SettingsService {

    private final EntityManager em;
    private final ModerationPolicy policy;
    private final PolicyChanges changes;

    SettingsService(EntityManager em, ModerationPolicy policy, PolicyChanges changes) {
        this.em = em;
        this.policy = policy;
        this.changes = changes;
    }

    /** Saves the board-wide settings; returns false when nothing changed. */
    @Transactional
    public boolean updateSettings(long adminId, Settings next, int seenVersion) {
        Account admin = changes.admin(adminId);
        Settings current = policy.settings();
        if (current.version() != seenVersion) {
            throw new StaleException();
        }
        List<ChangeSummary.Part> differences = next.changesFrom(current);
        if (differences.isEmpty()) {
            return false;
        }
        int updated = em.createNativeQuery("""
                update moderation_policy set mode = ?1, hold_first_posts = ?2, hold_new_account_days = ?3, max_links = ?4,
                    posts_per_minute = ?5, target_low_minutes = ?6, target_mid_minutes = ?7, target_high_minutes = ?8,
                    staff_in_public = ?9, words_in_public = ?11, version = version + 1
                where id = 1 and version = ?10""")
                .setParameter(1, next.mode()).setParameter(2, next.holdFirstPosts())
                .setParameter(3, next.holdNewAccountDays()).setParameter(4, next.maxLinks())
                .setParameter(5, next.postsPerMinute()).setParameter(6, next.targetLowMinutes())
                .setParameter(7, next.targetMidMinutes()).setParameter(8, next.targetHighMinutes())
                .setParameter(9, next.staffInPublic()).setParameter(10, seenVersion).setParameter(11, next.wordsInPublic())
                .executeUpdate();
        if (updated == 0) {
            // another admin saved this version first (the policy read above may be this instance's remembered copy):
            // nothing changed, so nothing goes on the append-only log
            throw new StaleException();
        }
        if (current.targetLowMinutes() != next.targetLowMinutes() || current.targetMidMinutes() != next.targetMidMinutes()
                || current.targetHighMinutes() != next.targetHighMinutes()) {
            retime(next);
        }
        List<ChangeSummary.Part> parts = new java.util.ArrayList<>(List.of(new ChangeSummary.Part("change_settings", List.of())));
        parts.addAll(differences);
        changes.changed(admin, new ChangeSummary(List.copyOf(parts)), null, changes.detail(current, next));
        return true;
    }

    /**
     * Items already waiting are held to the new targets too: each open item is due its target after it came in, by the
     * rating of the review it is about. Their versions stay: a moderator's open form is not made stale by it.
     */
    private void retime(Settings next) {
        em.createNativeQuery("""
                update queue_item i set due_at = i.created_at + make_interval(mins =>
                    case when r.rating <= 2 then ?1 when r.rating = 3 then ?2 else ?3 end)
                from review r where r.id = i.review_id and i.status = 'OPEN'""")
                .setParameter(1, next.targetLowMinutes()).setParameter(2, next.targetMidMinutes())
                .setParameter(3, next.targetHighMinutes()).executeUpdate();
    }

    /** Sets a subject's own moderation mode ({@code POST}, {@code PRE}), or back to the board's ({@code null}). */
    @Transactional
    public void setSubjectMode(long adminId, String slug, String mode) {
        Account admin = changes.admin(adminId);
        if (!org.candor.subject.SubjectService.isSlug(slug)) {
            throw new NotFoundException();
        }
        Tuple subject = Sql.tuples(em.createNativeQuery("select id as id, name as name, moderation_mode as mode from subject where slug = ?1",
                Tuple.class).setParameter(1, slug)).stream().findFirst()
                .orElseThrow(NotFoundException::new);
        long subjectId = Sql.number(subject, "id");
        String before = Sql.text(subject, "mode") == null ? "default" : Sql.text(subject, "mode");
        String after = mode == null ? "default" : mode;
        if (before.equals(after)) {
            return;
        }
        em.createNativeQuery("update subject set moderation_mode = ?1 where id = ?2")
                .setParameter(1, mode).setParameter(2, subjectId).executeUpdate();
        changes.changed(admin, ChangeSummary.of("change_mode", Sql.text(subject, "name"), ChangeSummary.label(before),
                ChangeSummary.label(after)), subjectId,
                changes.detail(Map.of("subject", slug, "mode", before), Map.of("subject", slug, "mode", after)));
    }

    /** A subject with its own moderation mode. */
    public record SubjectMode(String slug, String name, String mode) {
    }

    /** Subjects whose mode is set, whatever the board's. */
    public List<SubjectMode> subjectModes() {
        return Sql.tuples(em.createNativeQuery("select slug as slug, name as name, moderation_mode as mode from subject "
                + "where moderation_mode is not null order by slug", Tuple.class)).stream()
                .map(t -> new SubjectMode(Sql.text(t, "slug"), Sql.text(t, "name"), Sql.text(t, "mode"))).toList();
    }
}
