import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Signs in {@code count} new customers through Candor's real authorization-code flow (against bench/FakeIdp.java) and
 * writes one line per session: the Cookie header to send, a tab, and the CSRF token for forms. JDK only:
 * {@code java bench/SignIn.java <app base url> <count> <out file>}.
 * <p>
 * {@code java bench/SignIn.java <app base url> refresh <file>} makes one request with each session of the file and keeps
 * the cookies the answer sets, as a browser does: Candor writes a session's last-seen again at most once a minute, and a
 * load that replays a cookie older than that has it written again on every request, which no browser does.
 */
public class SignIn {

    /** A Set-Cookie scoped to a path other than the whole site. */
    private static final java.util.regex.Pattern OTHER_PATH = java.util.regex.Pattern.compile("(?i);\\s*path=/[^;\\s]");

    public static void main(String[] args) throws Exception {
        String app = args[0];
        Path out = Path.of(args[2]);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> sessions = new ArrayList<>();
        if (args[1].equals("refresh")) {
            for (String line : Files.readAllLines(out)) {
                sessions.add(pool.submit(() -> refresh(http, app, line)));
            }
        } else {
            for (int i = 0, count = Integer.parseInt(args[1]); i < count; i++) {
                sessions.add(pool.submit(() -> signIn(http, app)));
            }
        }
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out))) {
            for (Future<String> session : sessions) {
                writer.println(session.get());
            }
        }
        pool.shutdown();
    }

    /** The session of {@code line} after one request, its cookies as the answer left them. */
    private static String refresh(HttpClient http, String app, String line) throws Exception {
        Map<String, String> jar = new LinkedHashMap<>();
        for (String pair : line.split("\t", 2)[0].split("; ")) {
            jar.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app + "/about"))
                .header("Cookie", cookieHeader(jar)).GET().build(), HttpResponse.BodyHandlers.ofString());
        keep(jar, response);
        if (response.statusCode() != 200 || !jar.containsKey("candor_session")) {
            throw new IllegalStateException("session refused (" + response.statusCode() + "): " + jar.keySet());
        }
        return cookieHeader(jar) + "\t" + jar.get("csrf-token");
    }

    private static void keep(Map<String, String> jar, HttpResponse<String> response) {
        for (String set : response.headers().allValues("set-cookie")) {
            String pair = set.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (OTHER_PATH.matcher(set).find()) {
                continue; // as a browser does: a cookie for another path (the sign-out route's) is not sent to pages
            }
            if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
    }

    private static String signIn(HttpClient http, String app) throws Exception {
        URI origin = URI.create(app);
        Map<String, String> jar = new LinkedHashMap<>();
        URI url = URI.create(app + "/login/oidc?back=/about");
        for (int hop = 0; hop < 10; hop++) {
            boolean toApp = url.getPort() == origin.getPort() && url.getHost().equals(origin.getHost());
            HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
            if (toApp && !jar.isEmpty()) {
                request.header("Cookie", cookieHeader(jar));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (toApp) {
                keep(jar, response);
            }
            var location = response.headers().firstValue("location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                break;
            }
            url = url.resolve(location.get());
        }
        if (!jar.containsKey("candor_session")) {
            throw new IllegalStateException("sign-in did not complete; cookies: " + jar.keySet());
        }
        if (!jar.containsKey("csrf-token")) {
            throw new IllegalStateException("no CSRF cookie; cookies: " + jar.keySet());
        }
        return cookieHeader(jar) + "\t" + jar.get("csrf-token");
    }

    private static String cookieHeader(Map<String, String> jar) {
        return jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }
}
