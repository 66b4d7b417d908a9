package dev.rapport.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/** A real HTTP receiver on loopback that records what it is sent and answers with scripted status codes. */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(
            String id,
            String timestamp,
            String signature,
            String body,
            Map<String, List<String>> headers,
            Instant at) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private volatile int defaultStatus = 200;
    private volatile long delayMillis;
    private volatile String retryAfter;

    public WebhookReceiver() throws IOException {
        this(0);
    }

    /** A receiver on a given port, to stand in for an endpoint that was down and comes back. */
    WebhookReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                received.add(new Received(
                        exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        new String(body, StandardCharsets.UTF_8),
                        Map.copyOf(exchange.getRequestHeaders()),
                        Instant.now()));
            }
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Integer scripted = statuses.poll();
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(scripted == null ? defaultStatus : scripted, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
        server.start();
    }

    /** Makes every answer take this long, as a slow receiver would. */
    void delay(Duration delay) {
        delayMillis = delay.toMillis();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Answers these statuses to the next requests, then the default. */
    void answer(int... codes) {
        for (int code : codes) {
            statuses.add(code);
        }
    }

    /** Adds a Retry-After header (seconds) to every answer. */
    void retryAfter(String seconds) {
        retryAfter = seconds;
    }

    void answerByDefault(int status) {
        defaultStatus = status;
    }

    public List<Received> received(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    /** Waits until {@code count} matching requests arrived (or the timeout passed) and returns them. */
    public List<Received> await(Predicate<Received> which, int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (received(which).size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        return new ArrayList<>(received(which));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * The Standard Webhooks verification, written independently of the service: HMAC-SHA256 over
     * "id.timestamp.body" with the base64 key after "whsec_", any "v1," signature matching, timestamp within 5 min.
     */
    public static boolean verifies(String secret, Received request, long nowSeconds) {
        return verifies(secret, request.id(), request.timestamp(), request.signature(), request.body(), nowSeconds);
    }

    static boolean verifies(String secret, String id, String timestamp, String signatures, String body, long now) {
        if (id == null || timestamp == null || signatures == null || Math.abs(now - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = Base64.getEncoder()
                    .encode(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            for (String candidate : signatures.split(" ")) {
                String[] parts = candidate.split(",", 2);
                if (parts.length == 2
                        && parts[0].equals("v1")
                        && MessageDigest.isEqual(parts[1].getBytes(StandardCharsets.US_ASCII), expected)) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
