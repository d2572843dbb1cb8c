import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests at a fixed rate (an open model: request i is due at i / rate seconds whatever the answers before it, and its
 * latency counts from when it was due), as signed-in people: {@code get} a path with each session's cookies in turn, or
 * {@code post} reviews numbered as bench/post.lua numbers them (same customers, same subjects, same skew). Prints one
 * Markdown row: name, target req/s, achieved req/s, p50, p99, p99.9 in ms, answers other than expected (200 for get,
 * 303 for post). JDK only: {@code java bench/Rate.java <base> <name> <rate> <seconds> get <sessions> <path>} or
 * {@code ... post <sessions> <weighted subjects> <first post number>}.
 */
public class Rate {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String name = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        boolean post = args[4].equals("post");
        List<String[]> sessions = Files.readAllLines(Path.of(args[5])).stream().map(l -> l.split("\t", 3)).toList();
        List<String> slugs = post ? Files.readAllLines(Path.of(args[6])) : List.of();
        String path = post ? null : args[6];
        long first = post ? Long.parseLong(args[7]) : 0;
        int[] blockEnd = new int[slugs.size()];
        for (int p = slugs.size() - 1; p >= 0; p--) {
            blockEnd[p] = p < slugs.size() - 1 && slugs.get(p + 1).equals(slugs.get(p)) ? blockEnd[p + 1] : p;
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        int total = rate * seconds;
        long[] latency = new long[total];
        AtomicInteger unexpected = new AtomicInteger();
        List<CompletableFuture<?>> pending = new ArrayList<>(total);
        // at most 256 requests in flight (a server that falls behind is not flooded with connections); a request that
        // waits for a free one still counts its latency from when it was due
        Semaphore inFlight = new Semaphore(256);
        long start = System.nanoTime() + 50_000_000;
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            HttpRequest request;
            if (post) {
                long n = first + i;
                int c = (int) (n % sessions.size());
                String[] s = sessions.get(c);
                String slug = subject(slugs, blockEnd, c, (int) (n / sessions.size()));
                String body = "csrf-token=" + s[1] + "&rating=" + (n % 5 + 1) + "&title=Bench+" + n
                        + "&body=Arrived+on+time+and+works+as+described.+Post+number+" + n + "+of+the+benchmark.";
                request = HttpRequest.newBuilder(URI.create(base + "/subjects/" + slug + "/reviews"))
                        .header("Cookie", s[0]).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            } else {
                request = HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", sessions.get(i % sessions.size())[0])
                        .GET().build();
            }
            if (!inFlight.tryAcquire(start + seconds * 3_000_000_000L - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                System.out.printf("| %s | %d | could not keep up: %d of %d requests sent in %d s | | | | |%n", name, rate,
                        i, total, seconds * 3);
                System.exit(0);
            }
            int index = i;
            int expected = post ? 303 : 200;
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
                latency[index] = System.nanoTime() - due;
                inFlight.release();
                if (failure != null || response.statusCode() != expected) {
                    unexpected.incrementAndGet();
                }
                return null;
            }));
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(seconds * 3L, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            System.out.printf("| %s | %d | could not keep up: requests still unanswered %d s after the last was due | | | | |%n",
                    name, rate, seconds * 3);
            System.exit(0);
        }
        double span = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latency);
        System.out.printf("| %s | %d | %.0f | %.2f | %.2f | %.2f | %d |%n", name, rate, total / span,
                latency[total / 2] / 1e6, latency[(int) (total * 0.99)] / 1e6, latency[(int) (total * 0.999)] / 1e6,
                unexpected.get());
    }

    /** The subject customer {@code c} posts to in round {@code k}, as bench/post.lua picks it. */
    static String subject(List<String> slugs, int[] blockEnd, int c, int k) {
        Set<String> used = new HashSet<>();
        String slug = null;
        int size = slugs.size();
        for (int round = 0; round <= k; round++) {
            int p = (int) (((long) c * 7919 + (long) round * (size / 8)) % size);
            for (int step = 0; step < size && used.contains(slugs.get(p)); step++) {
                p = (blockEnd[p] + 1) % size;
            }
            slug = slugs.get(p);
            used.add(slug);
        }
        return slug;
    }
}
