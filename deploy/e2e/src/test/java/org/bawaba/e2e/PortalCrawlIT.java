package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Cookie;
import tools.jackson.databind.JsonNode;

/**
 * Every journey ends where the person expected. For each demo role (and no one signed in), from the home
 * page in both languages, this follows every same-origin link (bounded: a few of each kind of page) and
 * reads each page as a person would: no 4xx or 5xx, no page in one language showing the other's
 * interface text (the portal's own message files say which texts those are), and no raw code where
 * people read words (a service or agency code, an enum name, a UUID, a time as JSON writes it). The browser signs in (Keycloak's
 * page, as a person does); the pages are then read over HTTP with its session, which keeps the crawl to
 * seconds per role.
 */
class PortalCrawlIT {

    /** Pages per role and language; the portal has fewer kinds of page than this. */
    private static final int MAX_PAGES = 120;

    /** Pages of one kind (the same path but its last segment, or the same path with another query). */
    private static final int PER_KIND = 3;

    private static final Path MESSAGES = Path.of(System.getProperty("bawaba.portal.messages",
        "../../services/portal/src/main/resources/i18n"));

    private static final Pattern UUID = Pattern.compile(
        "\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");

    /** A time as the services' JSON writes it ({@code 2026-12-14T05:13:09Z}); people read a date and a time. */
    private static final Pattern INSTANT = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    /** The services' enum names, as they travel in JSON; a person reads their labels. */
    private static final Pattern ENUM = Pattern.compile("\\b(?:[A-Z]{2,}_[A-Z_]{2,}|SUBMITTED|IN_REVIEW|APPROVED|"
        + "REJECTED|COMPLETED|DRAFT|WITHDRAWN|FILED|TRIAGED|ASSIGNED|REPLIED|RESOLVED|REOPENED|CLOSED|COMPLAINT|"
        + "SUGGESTION|PUBLISHED|CANCELLED|AWARDED|UPCOMING|NATIONALS|RESIDENTS|PENDING|OVERDUE|EXPIRING|EXPIRED|"
        + "MONTHLY|ANNUAL|WEEKLY|DAILY|ADDRESS|INBOX)\\b");

    private static final HttpClient HTTP = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "anonymous", "citizen1", "moi-staff", "mme-admin", "supplier1", "platform-admin" })
    void everyLinkLeadsToAPageInItsLanguageWithNamesNotCodes(String role) throws IOException {
        Map<String, Set<String>> interfaceText = interfaceText();
        Set<String> codes = codes();
        String cookies = role.equals("anonymous") ? "" : signIn(role);
        List<String> problems = new ArrayList<>();
        int pages = 0;
        long started = System.nanoTime();
        for (String lang : List.of("en", "ar")) {
            pages += crawl(lang, cookies, interfaceText, codes, problems);
        }
        System.out.printf("PortalCrawlIT %s: %d pages in %.1f s, %d problems%n", role, pages,
            (System.nanoTime() - started) / 1e9, problems.size());
        assertThat(pages).as("pages read as " + role).isGreaterThan(10);
        assertThat(problems).as("broken links, wrong-language texts and raw codes seen as " + role).isEmpty();
    }

    /** Reads the pages reachable from /{lang}/; returns how many, and adds what is wrong to {@code problems}. */
    private static int crawl(String lang, String cookies, Map<String, Set<String>> interfaceText, Set<String> codes,
            List<String> problems) {
        Deque<Link> queue = new ArrayDeque<>(List.of(new Link("/" + lang + "/", "(start)")));
        Set<String> seen = new HashSet<>();
        Map<String, Integer> kinds = new HashMap<>();
        int pages = 0;
        while (!queue.isEmpty() && pages < MAX_PAGES) {
            Link link = queue.poll();
            if (!seen.add(link.path()) || kinds.merge(kind(link.path()), 1, Integer::sum) > PER_KIND) {
                continue;
            }
            HttpResponse<String> response = get(link.path(), cookies);
            pages++;
            int status = response.statusCode();
            if (status >= 400) {
                problems.add(status + " " + link.path() + " (linked from " + link.from() + ")");
                continue;
            }
            if (status >= 300) {
                String location = response.headers().firstValue("Location").orElse("");
                if (sameOrigin(location) && !location.contains("/oauth2/")) {
                    queue.addFirst(new Link(path(location), link.from()));
                }
                continue;
            }
            if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                continue;
            }
            Document page = Jsoup.parse(response.body(), Suite.GATEWAY + link.path());
            read(link.path(), page, interfaceText, codes, problems);
            for (Element anchor : page.select("a[href]")) {
                String href = anchor.attr("abs:href");
                if (followable(href)) {
                    queue.add(new Link(path(href), link.path()));
                }
            }
        }
        return pages;
    }

    /** What a person reads on {@code page}: in its language only, and names rather than codes. */
    private static void read(String path, Document page, Map<String, Set<String>> interfaceText, Set<String> codes,
            List<String> problems) {
        String lang = page.selectFirst("html").attr("lang");
        page.select("script, style").remove();
        String text = page.body().text();
        // what is marked as being in another language (the language switch, a notice in its reader's) is not the page's
        Document own = page.clone();
        own.select("[lang]:not(html)").remove();
        String ownText = own.body().text();
        String other = "ar".equals(lang) ? "en" : "ar";
        for (String foreign : interfaceText.get(other)) {
            if (ownText.contains(foreign)) {
                problems.add(path + " (" + lang + ") shows the " + other + " text “" + foreign + "”");
            }
        }
        Matcher enumName = ENUM.matcher(text);
        if (enumName.find()) {
            problems.add(path + " shows the code " + enumName.group());
        }
        for (String code : codes) {
            if (Pattern.compile("(?<![\\w/.-])" + Pattern.quote(code) + "(?![\\w/.-])").matcher(text).find()) {
                problems.add(path + " shows the code " + code);
            }
        }
        // a dataset's rows are its data, whose identifiers (a poll's, an award's) are there to join on; what
        // is there to be copied as it is (a signed receipt's bid number, marked translate="no") is not a code
        page.select("table.od-preview tbody, [translate=no]").remove();
        String read = page.body().text();
        Matcher uuid = UUID.matcher(read);
        if (uuid.find()) {
            problems.add(path + " shows the id " + uuid.group());
        }
        Matcher instant = INSTANT.matcher(read);
        if (instant.find()) {
            problems.add(path + " shows the time as data " + instant.group());
        }
    }

    /**
     * The interface texts of each language, from the portal's message files: those of a few words that
     * the other language's file does not have too (names such as "Bawaba" or "CSV" are the same in both).
     */
    private static Map<String, Set<String>> interfaceText() throws IOException {
        Map<String, Set<String>> texts = Map.of("en", new TreeSet<>(), "ar", new TreeSet<>());
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                Properties messages = new Properties();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    messages.load(in);
                }
                String lang = file.getFileName().toString().endsWith("_ar.properties") ? "ar" : "en";
                for (Object value : messages.values()) {
                    // the fixed words of a message, without its placeholders
                    for (String part : String.valueOf(value).split("\\{[^{}]*(\\{[^{}]*}[^{}]*)*}|[“”«»\"()]")) {
                        String words = part.strip();
                        if (words.split("\\s+").length >= 3 && words.length() >= 12) {
                            texts.get(lang).add(words);
                        }
                    }
                }
            }
        }
        Set<String> shared = new HashSet<>(texts.get("en"));
        shared.retainAll(texts.get("ar"));
        texts.values().forEach(set -> set.removeAll(shared));
        texts.get("en").removeIf(PortalCrawlIT::hasArabic);
        texts.get("ar").removeIf(words -> !hasArabic(words));
        assertThat(texts.get("en")).hasSizeGreaterThan(100);
        assertThat(texts.get("ar")).hasSizeGreaterThan(100);
        return texts;
    }

    /** The catalogue's service codes and the agencies' codes, which pages must show by their names. */
    private static Set<String> codes() {
        Set<String> codes = new LinkedHashSet<>();
        JsonNode services = Suite.json(Suite.get(Suite.GATEWAY + "/api/eservices/services?size=100", null).body());
        for (JsonNode service : services.path("items")) {
            codes.add(service.path("code").asString());
            codes.add(service.path("agency").asString().toUpperCase());
        }
        assertThat(codes).hasSizeGreaterThan(20);
        return codes;
    }

    /** Signs {@code username} in with a browser, as a person does, and returns the session's cookies. */
    private static String signIn(String username) {
        try (PortalBrowser browser = PortalBrowser.open("en")) {
            browser.go("/en/");
            browser.signIn(username);
            Collection<Cookie> cookies = browser.driver.manage().getCookies();
            return cookies.stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        }
    }

    private static HttpResponse<String> get(String path, String cookies) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Suite.GATEWAY + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
            .GET();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            // the gateway's rate limit (anonymous: 20 pages a second per address) is waited out, as a polite crawler does
            for (int retry = 0; retry < 5 && response.statusCode() == 429; retry++) {
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Math.max(1, seconds) * 1000);
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A link a person follows to read a page: the portal's own (not sign-in and sign-out, not its API or files). */
    private static boolean followable(String href) {
        if (!sameOrigin(href)) {
            return false;
        }
        String path = path(href);
        return !path.startsWith("/oauth2/") && !path.startsWith("/logout") && !path.startsWith("/login")
            && !path.startsWith("/swagger-ui") && !path.startsWith("/api/") && !path.contains("/documents/");
    }

    private static boolean sameOrigin(String href) {
        return href.startsWith(Suite.GATEWAY + "/") || (href.startsWith("/") && !href.startsWith("//"));
    }

    /** The path and query of an address on the gateway, without its fragment. */
    private static String path(String href) {
        String path = href.startsWith(Suite.GATEWAY) ? href.substring(Suite.GATEWAY.length()) : href;
        int fragment = path.indexOf('#');
        return fragment < 0 ? path : path.substring(0, fragment);
    }

    /**
     * Pages of the same kind: the same path but for its records' names and ids (segments with a digit or
     * a hyphen: a service code, a tracking number, a UUID), and the same query parameters.
     */
    private static String kind(String path) {
        int query = path.indexOf('?');
        String segments = (query < 0 ? path : path.substring(0, query)).replaceAll("/[^/]*[0-9-][^/]*", "/*");
        if (query < 0) {
            return segments;
        }
        return segments + "?" + Stream.of(path.substring(query + 1).split("&"))
            .map(parameter -> parameter.split("=")[0]).sorted().collect(Collectors.joining("&"));
    }

    private static boolean hasArabic(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
    }

    private record Link(String path, String from) {
    }

}
