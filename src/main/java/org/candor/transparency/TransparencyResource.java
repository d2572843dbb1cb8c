package org.candor.transparency;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.candor.web.PageScope;
import org.candor.web.PublicPage;

/**
 * {@code /transparency}: the board's numbers for a month, a quarter or a chosen range — what arrived and what became of
 * it, decisions by rules and by people, reports, notices and appeals, how fast and how often the business answers, the
 * same for every star rating, and when people write against when the business answers. Every figure is computed from
 * the public log ({@link TransparencyIndex}); {@code .json} and {@code .csv} give them all, and the verifier recomputes
 * them.
 */
@Path("/")
public class TransparencyResource {

    /** A period people can pick: its name in the address and its days. */
    public record Period(String name, LocalDate from, LocalDate to) {
    }

    /** A report as the page reads it. */
    public record View(Period period, Map<String, Object> figures, String subject, String subjectName,
            Map<String, Long> busiest) {

        public static View of(Period period, Map<String, Object> figures, String subject, String subjectName) {
            Map<String, Long> busiest = new java.util.HashMap<>();
            figures.forEach((k, v) -> {
                if (k.startsWith("chart.") && v instanceof Long n) {
                    busiest.merge(k.substring(6, k.indexOf('.', 6)), n, Math::max);
                }
            });
            return new View(period, figures, subject, subjectName, busiest);
        }

        /** The address part that keeps this report's subject ({@code &subject=…}), or nothing. */
        public String subjectQuery() {
            return subject == null ? "" : "&subject=" + java.net.URLEncoder.encode(subject, java.nio.charset.StandardCharsets.UTF_8);
        }

        public Object value(String key) {
            return figures.get(key);
        }

        public long count(String key) {
            return figures.get(key) instanceof Long n ? n : 0;
        }

        /** A share in basis points as a percentage with one decimal, or "–" when nothing was counted. */
        public String percent(String key) {
            if (!(figures.get(key) instanceof Long bp)) {
                return "–";
            }
            return bp / 100 + "." + (bp % 100) / 10 + " %";
        }

        /** A duration in seconds as people read it, or "–". */
        public String duration(String key) {
            if (!(figures.get(key) instanceof Long s)) {
                return "–";
            }
            if (s < 60) {
                return s + " s";
            }
            long minutes = s / 60;
            if (minutes < 60) {
                return minutes + " min";
            }
            long hours = minutes / 60;
            return hours < 48 ? hours + " h " + (minutes % 60) + " min" : hours / 24 + " d " + hours % 24 + " h";
        }

        /** A cell of a week chart: day 1 (Monday) to 7, hour 0 to 23. */
        public long cell(String chart, int day, int hour) {
            return count("chart." + chart + "." + day + "." + (hour < 10 ? "0" : "") + hour);
        }

        /** How dark a cell is drawn: 0 (none) to 1 (the busiest cell of its chart). */
        public String shade(String chart, int day, int hour) {
            long max = busiest.getOrDefault(chart, 0L);
            long n = cell(chart, day, hour);
            return n == 0 ? "0" : String.format(java.util.Locale.ROOT, "%.2f", 0.15 + 0.85 * n / max);
        }

        /** One cell of the parity table: received, held, medianHeld, hidden or answered, for this rating. */
        public String parity(int rating, String what) {
            String p = "parity." + rating + ".";
            return switch (what) {
                case "received" -> Long.toString(count(p + "received"));
                case "held" -> percent(p + "heldBasisPoints");
                case "medianHeld" -> duration(p + "medianHeldSeconds");
                case "hidden" -> percent(p + "hiddenBasisPoints");
                default -> percent(p + "answeredBasisPoints");
            };
        }

        public List<String> charts() {
            return List.of("arrivals", "replies");
        }

        /** A cell of a week chart, placed and shaded. */
        public record Cell(int hour, int x, long count, String shade) {
        }

        /** A day of a week chart: its label's message key, its row's place, and its 24 cells. */
        public record Day(int day, String labelKey, int y, int labelY, List<Cell> cells) {
        }

        /** The rows of a week chart, Monday first, computed once per page. */
        public List<Day> rows(String chart) {
            List<Day> days = new ArrayList<>(7);
            for (int d = 1; d <= 7; d++) {
                List<Cell> cells = new ArrayList<>(24);
                for (int h = 0; h < 24; h++) {
                    cells.add(new Cell(h, x(h), cell(chart, d, h), shade(chart, d, h)));
                }
                days.add(new Day(d, dayKey(d), y(d), labelY(d), cells));
            }
            return days;
        }

        public String dayKey(int day) {
            return "day_" + day;
        }

        public int x(int hour) {
            return 40 + hour * 20;
        }

        public int y(int day) {
            return day * 20 - 8;
        }

        public int labelY(int day) {
            return day * 20 + 5;
        }

        public List<Integer> hourLabels() {
            return List.of(0, 3, 6, 9, 12, 15, 18, 21);
        }

        public List<Integer> days() {
            return List.of(1, 2, 3, 4, 5, 6, 7);
        }

        public List<Integer> hours() {
            List<Integer> hours = new ArrayList<>(24);
            for (int h = 0; h < 24; h++) {
                hours.add(h);
            }
            return hours;
        }

        public List<Integer> ratings() {
            return List.of(1, 2, 3, 4, 5);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance transparency(View report, List<Period> months, List<Period> quarters,
                String from, String to, String error, String zone, String base);
    }

    private final TransparencyIndex index;
    private final PageScope scope;
    private final String base;

    TransparencyResource(TransparencyIndex index, PageScope scope,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "candor.moderation.public-url") String base) {
        this.index = index;
        this.scope = scope;
        this.base = base;
    }

    /**
     * The report as a page, kept for anonymous readers until the log grows ({@link PublicPage}): its charts make it a
     * large page to render (19 ms of CPU), and 64 readers rendering it at once held 100 MB of the heap (#19).
     */
    @GET
    @Path("transparency")
    @Produces(MediaType.TEXT_HTML)
    @PublicPage(params = { "period", "from", "to", "subject" })
    public Response page(@QueryParam("period") String period, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("subject") String subject) {
        scope.log();
        String subjectName = subjectName(subject);
        Period chosen;
        String error = null;
        try {
            chosen = period(period, from, to);
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
            chosen = month(YearMonth.now(index.zone()));
        }
        View view = View.of(chosen, figures(subject, chosen), blank(subject) ? null : subject, subjectName);
        return Response.status(error == null ? 200 : 400)
                .entity(Templates.transparency(view, months(), quarters(), from == null ? "" : from, to == null ? "" : to,
                        error, index.zone().getId(), base))
                .type(MediaType.TEXT_HTML_TYPE).build();
    }

    /** Every figure of the period, as one flat JSON object (what the verifier recomputes). */
    @GET
    @Path("transparency.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(@QueryParam("period") String period, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("subject") String subject) {
        subjectName(subject);
        Period chosen = valid(period, from, to);
        return Response.ok(org.candor.publiclog.CanonicalJson.write(figures(subject, chosen)))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Every figure of the period, one per line: {@code figure,value}. */
    @GET
    @Path("transparency.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("period") String period, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("subject") String subject) {
        subjectName(subject);
        Period chosen = valid(period, from, to);
        StringBuilder csv = new StringBuilder("figure,value\n");
        figures(subject, chosen).forEach((k, v) -> csv.append(k).append(',')
                .append(v == null ? "" : v).append('\n'));
        return Response.ok(csv.toString()).type("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"candor-transparency-" + chosen.name() + ".csv\"")
                .build();
    }

    private Map<String, Object> figures(String subject, Period chosen) {
        return blank(subject) ? index.report(chosen.from(), chosen.to()) : index.report(subject, chosen.from(), chosen.to());
    }

    /** The subject's name; 404 when a subject is named that does not exist. */
    private String subjectName(String subject) {
        return blank(subject) ? null : index.subjectName(subject.strip()).orElseThrow(jakarta.ws.rs.NotFoundException::new);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private Period valid(String period, String from, String to) {
        try {
            return period(period, from, to);
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.BadRequestException(e.getMessage());
        }
    }

    /** A month ({@code 2026-01}), a quarter ({@code 2026-Q1}), days from and to (at most a year), or this month. */
    Period period(String period, String from, String to) {
        if (from != null && !from.isBlank() || to != null && !to.isBlank()) {
            LocalDate start = day(from, "from");
            LocalDate end = day(to, "to");
            if (end.isBefore(start) || end.isAfter(start.plusDays(366))) {
                throw new IllegalArgumentException("Choose a range of at most a year, its end after its start.");
            }
            return new Period(start + "_" + end, start, end);
        }
        if (period == null || period.isBlank()) {
            return month(YearMonth.now(index.zone()));
        }
        String p = period.strip();
        if (p.matches("\\d{4}-Q[1-4]")) {
            int quarter = p.charAt(6) - '0';
            YearMonth first = YearMonth.of(Integer.parseInt(p.substring(0, 4)), 3 * quarter - 2);
            return new Period(p, first.atDay(1), first.plusMonths(2).atEndOfMonth());
        }
        try {
            return month(YearMonth.parse(p));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("A period is a month (2026-01) or a quarter (2026-Q1).");
        }
    }

    private static LocalDate day(String value, String name) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The day '" + name + "' is written YYYY-MM-DD.");
        }
    }

    private static Period month(YearMonth m) {
        return new Period(m.toString(), m.atDay(1), m.atEndOfMonth());
    }

    private List<Period> months() {
        YearMonth now = YearMonth.now(index.zone());
        List<Period> months = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            months.add(month(now.minusMonths(i)));
        }
        return months;
    }

    private List<Period> quarters() {
        YearMonth now = YearMonth.now(index.zone());
        List<Period> quarters = new ArrayList<>();
        int year = now.getYear();
        int quarter = (now.getMonthValue() - 1) / 3 + 1;
        for (int i = 0; i < 4; i++) {
            quarters.add(period(year + "-Q" + quarter, null, null));
            if (--quarter == 0) {
                quarter = 4;
                year--;
            }
        }
        return quarters;
    }
}
