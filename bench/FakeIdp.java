import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A throw-away OpenID Connect provider for benchmarks only: every authorization request is approved at once for a new
 * person (bench-&lt;run&gt;-1, bench-&lt;run&gt;-2, ...), so a load generator can sign in thousands of customers
 * through Candor's real authorization-code flow in the prod profile. JDK only:
 * {@code java bench/FakeIdp.java <port>}. Never expose it.
 */
public class FakeIdp {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final AtomicLong PEOPLE = new AtomicLong();
    /** New people on every start, so a second run on the same database does not sign in the first run's customers. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final Map<String, String[]> CODES = new ConcurrentHashMap<>(); // code -> {sub, nonce, client}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String issuer = "http://localhost:" + port;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        RSAPublicKey pub = (RSAPublicKey) keys.getPublic();

        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 256);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/.well-known/openid-configuration", ex -> json(ex, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","userinfo_endpoint":"%1$s/userinfo",
                 "response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],
                 "code_challenge_methods_supported":["S256"]}""".formatted(issuer)));
        server.createContext("/jwks", ex -> json(ex, 200, """
                {"keys":[{"kty":"RSA","kid":"bench","use":"sig","alg":"RS256","n":"%s","e":"%s"}]}"""
                .formatted(unsigned(pub.getModulus()), unsigned(pub.getPublicExponent()))));
        server.createContext("/authorize", ex -> {
            Map<String, String> q = params(ex.getRequestURI().getRawQuery());
            long person = PEOPLE.incrementAndGet();
            String code = Long.toHexString(Double.doubleToLongBits(Math.random())) + person;
            CODES.put(code, new String[] { "bench-" + RUN + "-" + person, q.getOrDefault("nonce", ""),
                    q.get("client_id") });
            String location = q.get("redirect_uri") + (q.get("redirect_uri").contains("?") ? "&" : "?") + "code="
                    + code + "&state=" + URLEncoder.encode(q.getOrDefault("state", ""), StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Location", location);
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.createContext("/token", ex -> {
            Map<String, String> form = params(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String[] who = CODES.remove(form.getOrDefault("code", ""));
            if (who == null) {
                json(ex, 400, "{\"error\":\"invalid_grant\"}");
                return;
            }
            long now = System.currentTimeMillis() / 1000;
            String claims = """
                    {"iss":"%s","sub":"%s","aud":"%s","iat":%d,"exp":%d,"nonce":"%s","name":"Bench %s",
                     "email":"%s@bench.invalid","email_verified":true}""".formatted(issuer, who[0], who[2], now,
                    now + 3600, who[1], who[0], who[0]);
            String idToken = jwt(claims, keys);
            json(ex, 200, """
                    {"access_token":"%s","id_token":"%s","token_type":"Bearer","expires_in":3600}"""
                    .formatted(idToken, idToken));
        });
        server.createContext("/userinfo", ex -> json(ex, 200, "{}"));
        server.start();
        System.out.println("fake OpenID Connect provider on " + issuer);
    }

    private static String jwt(String claims, KeyPair keys) {
        try {
            String head = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}".getBytes(StandardCharsets.UTF_8));
            String body = B64.encodeToString(claims.replaceAll("\\s*\\n\\s*", "").getBytes(StandardCharsets.UTF_8));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update((head + "." + body).getBytes(StandardCharsets.US_ASCII));
            return head + "." + body + "." + B64.encodeToString(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return B64.encodeToString(bytes);
    }

    private static Map<String, String> params(String query) {
        Map<String, String> map = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2) {
                    map.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                }
            }
        }
        return map;
    }

    private static void json(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.replaceAll("\\s*\\n\\s*", "").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
