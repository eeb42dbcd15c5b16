// A Webhook Console receiver in Java 17, standard library only.
// The official library does the same check: com.standardwebhooks:standardwebhooks
//   new Webhook(secret).verify(body, headers)
// Run: WEBHOOK_SECRET='whsec_…' API_KEY='…' java Receiver.java
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class Receiver {
  static final int PORT = Integer.parseInt(env("PORT", "8080"));
  static final String PATH = env("WEBHOOK_PATH", "/webhooks");
  // While a secret is rotated, both secrets sign for 24 hours: list both, space-separated.
  static final String[] SECRETS = env("WEBHOOK_SECRET", "").trim().split("\\s+");
  static final String API_KEY_HEADER = env("API_KEY_HEADER", "X-Api-Key");
  static final String API_KEY = env("API_KEY", ""); // empty: the webhook uses OAuth, check the bearer token
  static final long TOLERANCE_SECONDS = 300;
  static final Set<String> seen = ConcurrentHashMap.newKeySet(); // in production: a unique key on webhook-id

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }

  static boolean same(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  static boolean verifySignature(String id, String timestamp, String signatures, byte[] body) throws Exception {
    long age;
    try {
      age = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp));
    } catch (NumberFormatException e) {
      return false;
    }
    if (id.isEmpty() || age > TOLERANCE_SECONDS) return false; // too old (or from the future): a replay
    byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
    for (String secret : SECRETS) {
      byte[] key = Base64.getDecoder().decode(secret.replaceFirst("^whsec_", ""));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(prefix);
      String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
      for (String sig : signatures.split(" ")) if (same(sig, expected)) return true;
    }
    return false;
  }

  // OAuth: check the token with your authorization server (JWT signature, issuer, audience, expiry).
  static boolean isValidAccessToken(String token) {
    return !token.isEmpty();
  }

  static boolean authenticated(HttpExchange ex) {
    if (!API_KEY.isEmpty()) return same(header(ex, API_KEY_HEADER), API_KEY);
    String token = header(ex, "Authorization").replaceFirst("^Bearer ", "");
    return !token.isEmpty() && isValidAccessToken(token);
  }

  static String header(HttpExchange ex, String name) {
    String value = ex.getRequestHeaders().getFirst(name);
    return value == null ? "" : value;
  }

  static void handle(HttpExchange ex) throws Exception {
    byte[] body = ex.getRequestBody().readAllBytes();
    String id = header(ex, "webhook-id");
    if (!ex.getRequestURI().getPath().equals(PATH)) { ex.sendResponseHeaders(404, -1); return; }
    if (!authenticated(ex)) { ex.sendResponseHeaders(401, -1); return; }
    if (!verifySignature(id, header(ex, "webhook-timestamp"), header(ex, "webhook-signature"), body)) {
      ex.sendResponseHeaders(401, -1);
      return;
    }
    // Answer fast (2xx within 15 s), then work: a retry re-sends the same webhook-id.
    ex.sendResponseHeaders(204, -1);
    if (!seen.add(id)) return;
    String json = new String(body, StandardCharsets.UTF_8);
    // Parse with your JSON library (Jackson, Gson); is_test is true for test events.
    System.out.println("verified " + field(json, "id") + " " + field(json, "type") + (json.contains("\"is_test\":true") ? " (test)" : ""));
    // A thin payload has no "data": fetch it with Get Event,
    // GET /api/v1/orgs/{org}/events/{id} with Authorization: Bearer <API key>.
  }

  static String field(String json, String name) {
    var m = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    return m.find() ? m.group(1) : "";
  }

  public static void main(String[] args) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(PORT), 0);
    server.createContext("/", ex -> {
      try (ex) { handle(ex); } catch (Exception e) { e.printStackTrace(); }
    });
    server.start();
    System.out.println("listening on :" + PORT + PATH);
  }
}
