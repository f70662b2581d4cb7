package org.bawaba.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends the fuzz suite's and the matrix's requests: HTTP/1.1, any bytes as a body, any content type,
 * paced per caller under the gateway's rate limits (anonymous 20 requests a second per address,
 * signed-in 50 per subject), and a 429 waited out and sent again, since it is the gateway's
 * protection, not an answer about the request.
 */
final class ApiClient {

    /** One request, exactly as sent; {@code body} may be any bytes (null: none). */
    record Request(String method, String url, Role role, Map<String, String> headers, byte[] body) {

        Request {
            headers = Map.copyOf(headers);
        }

        static Request of(String method, String url, Role role) {
            return new Request(method, url, role, Map.of(), null);
        }

        Request withHeader(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return new Request(method, url, role, copy, body);
        }

        Request withBody(String contentType, byte[] content) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            if (contentType == null) {
                copy.remove("Content-Type");
            } else {
                copy.put("Content-Type", contentType);
            }
            return new Request(method, url, role, copy, content);
        }

        Request withUrl(String other) {
            return new Request(method, other, role, headers, body);
        }

        Request as(Role other) {
            return new Request(method, url, other, headers, body);
        }
    }

    /** The answer; {@code status} 0 when the connection failed or timed out. */
    record Response(int status, String contentType, String body, String failure) {

        boolean is2xx() {
            return status >= 200 && status < 300;
        }

        boolean is5xx() {
            return status >= 500 || status == 0;
        }

        /**
         * The gateway's own answer that a service cannot be reached now (no instance, its breaker open, its time
         * limit passed): it says nothing about the request itself.
         */
        boolean isServiceUnavailable() {
            return (status == 503 || status == 504) && body != null
                && (body.contains("/problems/service-unavailable") || body.contains("/problems/gateway-timeout"));
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    private final Map<Role, Long> nextSlot = new EnumMap<>(Role.class);

    private long requests;

    long requests() {
        return requests;
    }

    Response send(Request request) {
        for (int attempt = 0;; attempt++) {
            pace(request.role());
            Response response = once(request);
            if (response.status() != 429 || attempt == 5) {
                return response;
            }
            sleep(Duration.ofMillis(1100));
        }
    }

    private Response once(Request request) {
        requests++;
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(request.url())).timeout(TIMEOUT);
        } catch (IllegalArgumentException e) {
            return new Response(0, "", "", "not a URI: " + e.getMessage());
        }
        request.headers().forEach(builder::header);
        if (request.role() != Role.ANONYMOUS) {
            builder.header("Authorization", "Bearer " + request.role().token());
        }
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        try {
            if ("text/event-stream".equals(request.headers().get("Accept"))) {
                // a live stream does not end: its status and type are the answer, the stream is closed at once
                HttpResponse<java.io.InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
                String type = response.headers().firstValue("Content-Type").orElse("");
                String body = type.startsWith("text/event-stream") ? "" : new String(response.body().readAllBytes(),
                    StandardCharsets.UTF_8);
                response.body().close();
                return new Response(response.statusCode(), type, body, null);
            }
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                new String(response.body(), StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            return new Response(0, "", "", e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Below the gateway's limits: anonymous callers share one address (15 a second), each signed-in
     * caller has its own subject (40 a second), the agency's system its own client (higher limits).
     */
    private synchronized void pace(Role role) {
        long interval = switch (role) {
            case ANONYMOUS -> 1_000_000_000L / 15;
            case SYSTEM -> 1_000_000_000L / 200;
            default -> 1_000_000_000L / 40;
        };
        long now = System.nanoTime();
        long slot = Math.max(now, nextSlot.getOrDefault(role, now));
        nextSlot.put(role, slot + interval);
        if (slot > now) {
            sleep(Duration.ofNanos(slot - now));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
