package org.candor.publiclog;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a Candor public log from the outside, with nothing but a JDK:
 * <pre>java -cp 'target/quarkus-app/app/*' org.candor.publiclog.Verifier https://candor.example.com [checkpoint-file]</pre>
 * It downloads every entry, rebuilds each leaf from the entry's fields, rebuilds the root, checks the checkpoint's
 * Ed25519 signature and, given a file holding a checkpoint saved by an earlier run, that the log still extends it
 * (then saves the new one there). Prints {@code OK}, or {@code FAIL} with the sequence number that does not match;
 * exits 0 or 1. {@code --new-key} prints a fresh key pair for {@code CANDOR_LOG_PRIVATE_KEY}/{@code _PUBLIC_KEY}.
 */
public final class Verifier {

    /** What a check found. */
    public record Result(boolean ok, String message) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public Verifier(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--new-key")) {
            KeyPair pair = SigningKey.generate();
            System.out.println("CANDOR_LOG_PRIVATE_KEY=" + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            System.out.println("CANDOR_LOG_PUBLIC_KEY=" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            return;
        }
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Verifier <candor base URL> [checkpoint file] | --new-key");
            System.exit(2);
        }
        Result result = new Verifier(args[0]).check(args.length == 2 ? Path.of(args[1]) : null);
        System.out.println(result.ok() ? "OK " + result.message() : "FAIL " + result.message());
        System.exit(result.ok() ? 0 : 1);
    }

    public Result check(Path savedCheckpoint) throws IOException, InterruptedException {
        Map<String, Object> key = getObject("/api/log/public-key");
        Map<String, Object> cp = getObject("/api/log/checkpoint");
        long size = ((Number) cp.get("size")).longValue();
        Checkpoint checkpoint = new Checkpoint(size, (String) cp.get("root"), (String) cp.get("time"),
                (String) cp.get("signature"));
        if (!signatureValid(checkpoint, (String) key.get("publicKey"))) {
            return new Result(false, "the checkpoint's signature does not verify with the published key");
        }

        Map<String, byte[]> nodes = new HashMap<>();
        long seq = 0;
        while (seq < size) {
            Map<String, Object> page = getObject("/api/log?after=" + seq + "&limit=1000");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> entries = (List<Map<String, Object>>) page.get("entries");
            if (entries.isEmpty()) {
                return new Result(false, "entry #" + (seq + 1) + " is missing (the checkpoint says " + size + ")");
            }
            for (Map<String, Object> e : entries) {
                long s = ((Number) e.get("seq")).longValue();
                if (s != seq + 1) {
                    return new Result(false, "entry #" + (seq + 1) + " is missing (next served is #" + s + ")");
                }
                if (s > size) {
                    break;
                }
                byte[] leaf = entry(e).leafHash();
                if (!Base64.getEncoder().encodeToString(leaf).equals(e.get("leafHash"))) {
                    return new Result(false, "entry #" + s + " does not match its leaf hash: its content was changed");
                }
                append(nodes, s - 1, leaf);
                seq = s;
            }
        }
        Merkle.Nodes stored = (level, index) -> nodes.get(level + "/" + index);
        byte[] root = Merkle.root(size, stored);
        if (!Base64.getEncoder().encodeToString(root).equals(checkpoint.root())) {
            return new Result(false, "the entries do not add up to the signed root of size " + size
                    + ": an entry's leaf hash was changed");
        }
        if (savedCheckpoint != null && Files.exists(savedCheckpoint)) {
            Result consistent = consistentWith(savedCheckpoint, size, root, stored);
            if (!consistent.ok()) {
                return consistent;
            }
        }
        if (savedCheckpoint != null) {
            Files.writeString(savedCheckpoint, checkpoint.note() + checkpoint.signature() + "\n");
        }
        return new Result(true, size + " entries, root " + checkpoint.root());
    }

    private Result consistentWith(Path file, long size, byte[] root, Merkle.Nodes stored)
            throws IOException, InterruptedException {
        String[] lines = Files.readString(file).split("\n");
        long oldSize = Long.parseLong(lines[1].strip());
        byte[] oldRoot = Base64.getDecoder().decode(lines[2].strip());
        if (oldSize > size) {
            return new Result(false, "the log shrank from " + oldSize + " to " + size
                    + " entries since the checkpoint in " + file + ": entry #" + (size + 1) + " was removed");
        }
        if (!Arrays.equals(Merkle.root(oldSize, stored), oldRoot)) {
            return new Result(false, "the log no longer extends the checkpoint in " + file + " (size " + oldSize + ")");
        }
        Map<String, Object> proof = getObject("/api/log/proof/consistency?from=" + oldSize + "&to=" + size);
        @SuppressWarnings("unchecked")
        List<byte[]> path = ((List<Object>) proof.get("proof")).stream()
                .map(p -> Base64.getDecoder().decode((String) p)).toList();
        if (!Merkle.verifyConsistency(oldSize, size, path, oldRoot, root)) {
            return new Result(false, "the served consistency proof from " + oldSize + " to " + size + " does not verify");
        }
        return new Result(true, "consistent");
    }

    static LogEntry entry(Map<String, Object> e) {
        return new LogEntry(((Number) e.get("seq")).longValue(), Instant.parse((String) e.get("time")),
                LogKind.valueOf((String) e.get("kind")), (String) e.get("subject"), longOrNull(e.get("reviewId")),
                longOrNull(e.get("commentId")), (String) e.get("actorRole"), (String) e.get("actorHandle"),
                (String) e.get("reasonCode"), (String) e.get("reasonText"), (String) e.get("body"),
                (String) e.get("contentSha256"));
    }

    static void append(Map<String, byte[]> nodes, long index, byte[] leaf) {
        nodes.put("0/" + index, leaf);
        byte[] h = leaf;
        int level = 0;
        long i = index;
        while ((i & 1) == 1) {
            h = Merkle.nodeHash(nodes.get(level + "/" + (i - 1)), h);
            level++;
            i >>= 1;
            nodes.put(level + "/" + i, h);
        }
    }

    private static boolean signatureValid(Checkpoint checkpoint, String publicKey) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(checkpoint.noteBytes());
            return s.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Long longOrNull(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> getObject(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode());
        }
        return (Map<String, Object>) new MiniJson(response.body()).value();
    }

    /** Just enough JSON for the log's API: objects, arrays, strings, integers, booleans, null. */
    static final class MiniJson {
        private final String s;
        private int i;

        MiniJson(String s) {
            this.s = s;
        }

        Object value() {
            skip();
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    Map<String, Object> map = new HashMap<>();
                    i++;
                    skip();
                    if (s.charAt(i) == '}') {
                        i++;
                        return map;
                    }
                    while (true) {
                        skip();
                        String k = string();
                        skip();
                        i++; // :
                        map.put(k, value());
                        skip();
                        if (s.charAt(i++) == '}') {
                            return map;
                        }
                    }
                }
                case '[' -> {
                    List<Object> list = new ArrayList<>();
                    i++;
                    skip();
                    if (s.charAt(i) == ']') {
                        i++;
                        return list;
                    }
                    while (true) {
                        list.add(value());
                        skip();
                        if (s.charAt(i++) == ']') {
                            return list;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    int start = i;
                    while (i < s.length() && ",}] \n\r\t".indexOf(s.charAt(i)) < 0) {
                        i++;
                    }
                    String token = s.substring(start, i);
                    return switch (token) {
                        case "null" -> null;
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        default -> token.contains(".") || token.contains("e") || token.contains("E")
                                ? (Object) Double.parseDouble(token) : (Object) Long.parseLong(token);
                    };
                }
            }
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            i++; // opening quote
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 'r' -> out.append('\r');
                        case 't' -> out.append('\t');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
