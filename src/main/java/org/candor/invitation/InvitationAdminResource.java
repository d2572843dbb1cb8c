package org.candor.invitation;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.candor.account.CurrentUser;
import org.candor.account.Role;
import org.candor.web.Flash;

/** Admin pages: invitations (CSV upload), the incentives attached to them, and API keys for a shop's systems. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class InvitationAdminResource {

    /** The largest CSV accepted at once. */
    static final int MAX_ROWS = 5_000;
    /** The columns a CSV may have, by the names a header may give them. */
    private static final Map<String, String> COLUMNS = Map.of("email", "email", "e-mail", "email", "name", "name",
            "order reference", "order", "order_reference", "order", "orderreference", "order", "order", "order",
            "subject", "subject");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invitations(List<Invitations.Listed> recent, List<Incentives.Incentive> incentives,
                Invitations.Outcome outcome, String csv, Long incentive, String error);

        static native TemplateInstance apiKeys(List<ApiKeys.Key> keys, ApiKeys.Created created, String error);
    }

    private final Invitations invitations;
    private final Incentives incentives;
    private final ApiKeys keys;
    private final CurrentUser user;
    private final Flash flash;
    private final InvitationMsg msg;

    InvitationAdminResource(Invitations invitations, Incentives incentives, ApiKeys keys, CurrentUser user, Flash flash,
            InvitationMsg msg) {
        this.invitations = invitations;
        this.incentives = incentives;
        this.keys = keys;
        this.user = user;
        this.flash = flash;
        this.msg = msg;
    }

    @GET
    @Path("invitations")
    public TemplateInstance invitations() {
        return page(null, null, null, null);
    }

    /** Invites every row of a CSV (uploaded, or pasted): all or none. */
    @POST
    @Path("invitations")
    @jakarta.ws.rs.Consumes({ MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED })
    public Response upload(@RestForm("file") FileUpload file, @RestForm String csv, @RestForm String incentive) {
        String text = csv;
        if (file != null && file.size() > 0) {
            try {
                text = Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
            } catch (IOException | java.io.UncheckedIOException e) {
                return Response.status(400).entity(page(null, csv, null, msg.invitation_csv_unreadable())).build();
            }
        }
        Long incentiveId = incentive == null || incentive.isBlank() ? null : parseId(incentive);
        if (!org.candor.web.CleanText.Validator.clean(text, false)) {
            return Response.status(400).entity(page(null, null, incentiveId, msg.invitation_csv_unreadable())).build();
        }
        List<List<String>> rows = Csv.parse(text == null ? "" : text);
        if (rows.size() > MAX_ROWS + 1) {
            return Response.status(400).entity(page(null, text, incentiveId, msg.invitation_csv_too_long(MAX_ROWS))).build();
        }
        int first = 1;
        List<String> columns = List.of("email", "name", "order", "subject");
        if (!rows.isEmpty() && rows.get(0).stream().noneMatch(f -> f.contains("@"))) {
            List<String> named = new ArrayList<>();
            for (String header : rows.get(0)) {
                String column = COLUMNS.get(header.strip().toLowerCase(Locale.ROOT));
                if (column == null) {
                    return Response.status(400).entity(page(null, text, incentiveId,
                            msg.invitation_csv_unknown_column(header.strip()))).build();
                }
                named.add(column);
            }
            if (!named.contains("email") || !named.contains("subject")) {
                return Response.status(400).entity(page(null, text, incentiveId, msg.invitation_csv_columns())).build();
            }
            columns = named;
            rows = rows.subList(1, rows.size());
            first = 2;
        }
        List<Invitations.Invitee> invitees = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            invitees.add(new Invitations.Invitee(field(row, columns, "email"), field(row, columns, "name"),
                    field(row, columns, "order"), field(row, columns, "subject")));
            lines.add(first + i);
        }
        Invitations.Outcome outcome = invitations.invite(invitees, 1, incentiveId, "CSV", user.accountId(), null);
        // lines as the admin's file numbers them (blank lines skipped above)
        Invitations.Outcome numbered = new Invitations.Outcome(outcome.sent(), renumber(outcome.skipped(), lines),
                renumber(outcome.problems(), lines));
        return Response.status(numbered.problems().isEmpty() ? 200 : 400)
                .entity(page(numbered, numbered.problems().isEmpty() ? null : text, incentiveId, null)).build();
    }

    @POST
    @Path("incentives")
    public Response createIncentive(@RestForm String description) {
        if (description == null || description.isBlank() || description.strip().length() > Incentives.MAX
                || !org.candor.web.CleanText.Validator.clean(description, true)) {
            return Response.status(400).entity(page(null, null, null, msg.incentive_invalid(Incentives.MAX))).build();
        }
        incentives.create(user.accountId(), description);
        return flash.redirect(URI.create("/admin/invitations#incentives"), "flash_incentive_saved");
    }

    @POST
    @Path("incentives/{id}/retire")
    public Response retireIncentive(@PathParam("id") long id) {
        incentives.retire(user.accountId(), id);
        return flash.redirect(URI.create("/admin/invitations#incentives"), "flash_incentive_retired");
    }

    @GET
    @Path("api-keys")
    public TemplateInstance apiKeys() {
        return Templates.apiKeys(keys.all(), null, null);
    }

    /** Makes a key for invitations; its secret is shown on this answer only. */
    @POST
    @Path("api-keys")
    public Response createKey(@RestForm String name) {
        if (name == null || name.isBlank() || name.strip().length() > 100 || !org.candor.web.CleanText.Validator.clean(name, true)) {
            return Response.status(400).entity(Templates.apiKeys(keys.all(), null, msg.api_key_name_invalid())).build();
        }
        ApiKeys.Created created = keys.create(user.accountId(), name, EnumSet.of(ApiKeys.Scope.INVITATIONS));
        return Response.ok(Templates.apiKeys(keys.all(), created, null)).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("api-keys/{id}/revoke")
    public Response revokeKey(@PathParam("id") long id) {
        keys.revoke(user.accountId(), id);
        return flash.redirect(URI.create("/admin/api-keys"), "flash_api_key_revoked");
    }

    private TemplateInstance page(Invitations.Outcome outcome, String csv, Long incentive, String error) {
        return Templates.invitations(invitations.recent(50), incentives.all(), outcome, csv, incentive, error);
    }

    private static List<Invitations.Problem> renumber(List<Invitations.Problem> problems, List<Integer> lines) {
        return problems.stream().map(p -> new Invitations.Problem(p.line() >= 1 && p.line() <= lines.size()
                ? lines.get(p.line() - 1) : p.line(), p.field(), p.message())).toList();
    }

    private static String field(List<String> row, List<String> columns, String column) {
        int i = columns.indexOf(column);
        return i >= 0 && i < row.size() ? row.get(i).strip() : null;
    }

    private static Long parseId(String id) {
        try {
            return Long.valueOf(id.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
