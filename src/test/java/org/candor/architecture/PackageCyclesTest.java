package org.candor.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * How the feature packages depend on each other, read from the sources (every {@code org.candor.<package>} a file
 * names). {@code web} is a leaf the features use, and no two feature packages depend on each other, directly or
 * through others: the packages form layers (web, publiclog, account, subject, policy, review, moderation; devdb on
 * top), so a change to a lower one never needs a change above it to compile.
 */
class PackageCyclesTest {

    private static final Path MAIN = Path.of("src/main/java/org/candor");
    private static final Pattern REFERENCE = Pattern.compile("org\\.candor\\.([a-z]+)\\b");

    @Test
    void webIsALeafThatUsesNoFeature() {
        assertEquals(Set.of(), graph().getOrDefault("web", Set.of()), "web must not depend on a feature package");
    }

    @Test
    void noCycleBetweenFeaturePackages() {
        Map<String, Set<String>> graph = graph();
        Set<String> cyclic = new TreeSet<>();
        graph.forEach((from, tos) -> tos.forEach(to -> {
            if (reaches(graph, to, from)) {
                cyclic.add(from + " -> " + to);
            }
        }));
        assertEquals(Set.of(), cyclic, "edges on a cycle between packages");
    }

    /** Package → the other packages of org.candor its sources name. */
    static Map<String, Set<String>> graph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(file -> {
                Path relative = MAIN.relativize(file);
                if (relative.getNameCount() < 2) {
                    return; // org.candor itself (the main class, shared helpers)
                }
                String from = relative.getName(0).toString();
                Matcher m = REFERENCE.matcher(read(file));
                while (m.find()) {
                    String to = m.group(1);
                    if (!to.equals(from) && Files.isDirectory(MAIN.resolve(to))) {
                        graph.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    private static boolean reaches(Map<String, Set<String>> graph, String start, String goal) {
        Deque<String> todo = new ArrayDeque<>(Set.of(start));
        Set<String> seen = new TreeSet<>();
        while (!todo.isEmpty()) {
            String at = todo.pop();
            if (at.equals(goal)) {
                return true;
            }
            if (seen.add(at)) {
                todo.addAll(graph.getOrDefault(at, Set.of()));
            }
        }
        return false;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
