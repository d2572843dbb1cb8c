package org.candor.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Candor's own static files (stylesheets, scripts, icons under {@code META-INF/resources}) served from memory. Quarkus'
 * static handler asks the file system on every request (whether the file exists, its properties, then opens it), each
 * a hop to a worker thread: the stylesheet came out ten times slower than the same bytes from memory. The files are
 * read once at start; each answer carries what the static handler sent (type, caching), an entity tag, and a 304 when
 * the browser names it. The route runs after Quarkus' filters, so the security headers of
 * {@code application.properties} are on every answer. Pages link them by {@link #url} ({@code inject:assets.url}),
 * which names the content's version, so the day-long immutable caching never keeps an old stylesheet after a deploy.
 * A file bigger than {@link #MAX_FILE}, or of a kind not in {@link #TYPES}, is left to Quarkus, as is everything in
 * dev mode (where files change as they are edited).
 */
@ApplicationScoped
@jakarta.inject.Named("assets")
public class StaticFiles {

    private static final Logger LOG = Logger.getLogger(StaticFiles.class);
    private static final String ROOT = "META-INF/resources/";
    /** Larger files (none today) stay with Quarkus' static handler. */
    static final int MAX_FILE = 256 * 1024;
    /** As Quarkus' static handler: a day, not revalidated. */
    static final String CACHE_CONTROL = "public, immutable, max-age=86400";
    /** How many characters of the entity tag name a file's version in its address ({@code ?v=}). */
    private static final int VERSION = 10;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** The kinds of file Candor ships, by extension, with the types Quarkus' static handler sent for them. */
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8",
            "svg", "image/svg+xml",
            "ico", "image/x-icon",
            "png", "image/png",
            "txt", "text/plain;charset=UTF-8",
            "woff2", "font/woff2");

    /** One file's answer, prepared once. */
    record File(Buffer body, String length, String type, String etag, String lastModified, String url) {
    }

    private final boolean dev = LaunchMode.current() == LaunchMode.DEVELOPMENT;
    private final Map<String, File> files = dev ? Map.of() : load(Thread.currentThread().getContextClassLoader());

    /**
     * The address a page links a static file by: its path with the content's version ({@code /css/candor.css?v=…});
     * the path alone for a file not served from memory (and in dev mode, where files change as they are edited).
     */
    public String url(String path) {
        File file = files.get(path);
        return file == null ? path : file.url();
    }

    void register(@Observes Router router) {
        if (dev) {
            return; // in dev mode Quarkus serves src/main/resources as it is edited
        }
        LOG.debugf("serving %d static files from memory", files.size());
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(context -> {
                    File file = files.get(context.normalizedPath());
                    if (file == null) {
                        context.next();
                    } else {
                        send(context, file);
                    }
                });
    }

    private static void send(RoutingContext context, File file) {
        HttpServerResponse response = context.response();
        MultiMap headers = response.headers();
        // an address naming another version (a page from an instance with other files, during a rolling deploy) gets
        // these bytes, but not for a day under that name
        String version = context.request().getParam("v");
        headers.set(HttpHeaders.CACHE_CONTROL,
                version == null || version.length() == VERSION && file.etag().startsWith(version, 1) ? CACHE_CONTROL
                        : "no-cache");
        headers.set(HttpHeaders.ETAG, file.etag());
        headers.set(HttpHeaders.LAST_MODIFIED, file.lastModified());
        if (file.etag().equals(context.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
            response.setStatusCode(304).end();
            return;
        }
        headers.set(HttpHeaders.CONTENT_TYPE, file.type());
        headers.set(HttpHeaders.CONTENT_LENGTH, file.length()); // HEAD too: Vert.x leaves it out without a body
        response.end(file.body());
    }

    /** Every file under {@code META-INF/resources} on the class path, by its URL path ({@code /css/candor.css}). */
    static Map<String, File> load(ClassLoader loader) {
        Map<String, File> files = new HashMap<>();
        try {
            for (URL root : Collections.list(loader.getResources(ROOT.substring(0, ROOT.length() - 1)))) {
                switch (root.getProtocol()) {
                    case "file" -> fromDirectory(Path.of(root.toURI()), files);
                    case "jar" -> fromJar(root, files);
                    default -> LOG.debugf("static files at %s left to Quarkus", root);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return Map.copyOf(files);
    }

    private static void fromDirectory(Path root, Map<String, File> files) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String path = "/" + root.relativize(p).toString().replace('\\', '/');
                if (Files.size(p) <= MAX_FILE) {
                    keep(files, path, Files.readAllBytes(p), Files.getLastModifiedTime(p).toInstant());
                }
            }
        }
    }

    private static void fromJar(URL root, Map<String, File> files) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (!entry.isDirectory() && entry.getName().startsWith(ROOT) && entry.getSize() <= MAX_FILE) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        keep(files, "/" + entry.getName().substring(ROOT.length()), in.readAllBytes(),
                                Instant.ofEpochMilli(entry.getTime()));
                    }
                }
            }
        }
    }

    private static void keep(Map<String, File> files, String path, byte[] bytes, Instant modified) {
        // hidden files are not served (as Quarkus' static handler), and the first of two equal paths wins (as there)
        if (path.contains("/.") || files.containsKey(path)) {
            return;
        }
        String type = TYPES.get(path.substring(path.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT));
        if (type == null) {
            return; // a kind of file Candor does not ship: Quarkus knows more types
        }
        String etag = PublicPages.etag(bytes);
        files.put(path, new File(Buffer.buffer(bytes), String.valueOf(bytes.length), type, etag,
                HTTP_DATE.format(modified), path + "?v=" + etag.substring(1, 1 + VERSION)));
    }
}
