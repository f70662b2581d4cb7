package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bawaba.e2e.Suite.GATEWAY;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A browser signs in at the gateway through Keycloak's real login form, keeps its session across
 * a gateway restart (sessions live in Redis), and signing out ends the Keycloak session too.
 * Restarts the gateway of the running suite with {@code ./bawaba restart gateway}.
 */
class BrowserSessionIT {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    private final HttpClient browser = HttpClient.newBuilder()
        .cookieHandler(new LocalhostIsSecure(this.cookies))
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    @Test
    void aSignedInBrowserStaysSignedInAcrossAGatewayRestartAndSigningOutEndsTheKeycloakSession() throws Exception {
        signIn("citizen1", "demo");
        String session = cookie("SESSION");
        assertThat(me().statusCode()).isEqualTo(200);
        assertThat(Suite.json(me().body()).get("username").asString()).isEqualTo("citizen1");

        restartGateway();

        assertThat(cookie("SESSION")).isEqualTo(session);
        HttpResponse<String> afterRestart = me();
        assertThat(afterRestart.statusCode()).as(afterRestart.body()).isEqualTo(200);
        assertThat(Suite.json(afterRestart.body()).get("username").asString()).isEqualTo("citizen1");

        // sign out: the gateway ends its session and sends the browser to Keycloak's end-session endpoint
        String xsrf = cookie("XSRF-TOKEN");
        assertThat(xsrf).as("the XSRF-TOKEN cookie a signed-in page reads").isNotNull();
        HttpResponse<String> logout = send(HttpRequest.newBuilder(URI.create(GATEWAY + "/logout"))
            .header("X-XSRF-TOKEN", xsrf)
            .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(logout.statusCode()).isEqualTo(302);
        String endSession = location(logout);
        assertThat(endSession).startsWith(Suite.REALM + "/protocol/openid-connect/logout")
            .contains("id_token_hint=");
        HttpResponse<String> keycloakLogout = send(HttpRequest.newBuilder(URI.create(endSession)).GET().build());
        assertThat(keycloakLogout.statusCode()).isEqualTo(302);
        assertThat(location(keycloakLogout)).startsWith(GATEWAY + "/");

        assertThat(me().statusCode()).isEqualTo(401);
        // Keycloak asks for the password again: its session is gone, not only the gateway's
        HttpResponse<String> again = send(HttpRequest.newBuilder(URI.create(location(
            send(HttpRequest.newBuilder(URI.create(GATEWAY + "/oauth2/authorization/keycloak")).GET().build()))))
            .GET().build());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("kc-form-login");
    }

    /** The authorization-code flow as a browser runs it, through Keycloak's login form. */
    private void signIn(String username, String password) {
        HttpResponse<String> start = send(HttpRequest.newBuilder(URI.create(GATEWAY + "/oauth2/authorization/keycloak"))
            .GET().build());
        assertThat(start.statusCode()).isEqualTo(302);
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(location(start))).GET().build());
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        Matcher action = FORM_ACTION.matcher(form.body());
        assertThat(action.find()).as("Keycloak's login form").isTrue();
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> submitted = send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
        String callback = location(submitted);
        assertThat(callback).startsWith(GATEWAY + "/login/oauth2/code/keycloak");
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(callback)).GET().build());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(location(signedIn)).isEqualTo("/");
    }

    private HttpResponse<String> me() {
        return send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/me")).GET().build());
    }

    private String cookie(String name) {
        return this.cookies.getCookieStore().get(URI.create(GATEWAY)).stream()
            .filter(cookie -> cookie.getName().equals(name))
            .map(HttpCookie::getValue)
            .findFirst().orElse(null);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return this.browser.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " is not answering (" + e + "): is the suite running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
            "no Location in the " + response.statusCode() + " answer of " + response.uri()));
    }

    /** {@code ./bawaba restart gateway}, from the repository's root (two folders up from this module). */
    private static void restartGateway() throws IOException, InterruptedException {
        File root = new File(System.getProperty("user.dir")).getAbsoluteFile().getParentFile().getParentFile();
        Process restart = new ProcessBuilder(new File(root, "bawaba").getPath(), "restart", "gateway")
            .directory(root).inheritIO().start();
        assertThat(restart.waitFor(5, TimeUnit.MINUTES)).as("./bawaba restart gateway finished").isTrue();
        assertThat(restart.exitValue()).as("./bawaba restart gateway").isZero();
    }

    /**
     * Browsers treat http://localhost as a secure context and send it cookies marked {@code Secure}
     * (Keycloak marks its session cookies so); java.net's cookie store does not. Like a browser,
     * keep such cookies for localhost.
     */
    private static final class LocalhostIsSecure extends java.net.CookieHandler {

        private final CookieManager delegate;

        LocalhostIsSecure(CookieManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public java.util.Map<String, java.util.List<String>> get(URI uri,
                java.util.Map<String, java.util.List<String>> requestHeaders) throws IOException {
            return this.delegate.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, java.util.Map<String, java.util.List<String>> responseHeaders) throws IOException {
            if (!"localhost".equals(uri.getHost())) {
                this.delegate.put(uri, responseHeaders);
                return;
            }
            var headers = new java.util.HashMap<String, java.util.List<String>>();
            responseHeaders.forEach((name, values) -> headers.put(name, name != null
                && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList()
                    : values));
            this.delegate.put(uri, headers);
        }
    }
}
