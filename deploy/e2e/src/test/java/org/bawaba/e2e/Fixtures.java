package org.bawaba.e2e;

import static org.bawaba.e2e.Suite.GATEWAY;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Resources owned by someone, made through the API the way their owners make them, for the matrix and the
 * fuzz suite to try as everyone else: an application and a complaint of {@link Role#CITIZEN}, a poll, a
 * consultation, a survey, draft and published tenders and a dataset of the interior ministry
 * ({@link Role#STAFF}), a bid and a clarification of {@link Role#SUPPLIER}, a webhook of the demo
 * integration, a credential the ministry's own system issued… Each is made on first use and named in the
 * matrix file as {@code ${name}}. One that cannot be made (the suite lacks what it needs) is a random id,
 * listed in {@link #missing()}, so the operation is still tried (everyone should then get 404).
 */
final class Fixtures {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

    private final Map<String, String> values = new LinkedHashMap<>();

    private final List<String> missing = new ArrayList<>();

    private final Random random;

    private final String tag;

    Fixtures(long seed) {
        this.random = new Random(seed);
        this.tag = Long.toString(Math.abs(seed) % 1_000_000_000L, 36);
    }

    /**
     * Words that only this run's private resources hold (citizen1's application form, citizen1's complaint,
     * supplier1's unanswered question), for finding them in answers to anyone else.
     */
    List<String> privateWords() {
        String mark = tag.toUpperCase(java.util.Locale.ROOT);
        return List.of("QIC-PRIVATE-" + mark, "private complaint text " + mark, "Which model, " + mark + "?");
    }

    List<String> missing() {
        return missing;
    }

    /** {@code text} with every {@code ${name}} replaced by that fixture (made now if need be). */
    String fill(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(filled, Matcher.quoteReplacement(get(matcher.group(1))));
        }
        return matcher.appendTail(filled).toString();
    }

    synchronized String get(String name) {
        String value = values.get(name);
        if (value == null) {
            try {
                value = make(name);
            } catch (RuntimeException | AssertionError e) {
                value = null;
                missing.add(name + " (" + e.getMessage().lines().findFirst().orElse("") + ")");
            }
            if (value == null) {
                value = new UUID(random.nextLong(), random.nextLong()).toString();
                if (missing.stream().noneMatch(m -> m.startsWith(name + " "))) {
                    missing.add(name);
                }
            }
            values.put(name, value);
        }
        return value;
    }

    private String make(String name) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return switch (name) {
            case "tag" -> tag;
            case "TAG" -> (tag.toUpperCase(java.util.Locale.ROOT) + "00000").substring(0, Math.max(6, tag.length()));
            case "citizenSubject" -> Role.CITIZEN.subject();
            case "staffSubject" -> Role.STAFF.subject();
            case "month" -> java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(1).toString();
            case "now" -> now.toString();
            case "inAnHour" -> now.plus(Duration.ofHours(1)).toString();
            case "tomorrow" -> now.plus(Duration.ofDays(1)).toString();
            case "inTwoDays" -> now.plus(Duration.ofDays(2)).toString();
            case "inThreeDays" -> now.plus(Duration.ofDays(3)).toString();
            // e-services
            case "service" -> "moi-vehicle-registration-renewal";
            case "draftService" -> id(post("/api/eservices/services", """
                {"code":"e2e-fuzz-%s","title":{"en":"Fuzz service","ar":"خدمة الفحص"},
                 "description":{"en":"Made by the fuzz suite","ar":"أنشأها الفحص"},"category":"fuzz","level":1,
                 "fee":{"amount":0,"currency":"QAR","free":true},"channels":["online"]}""".formatted(tag), Role.STAFF), "code");
            case "application" -> id(post("/api/eservices/applications", """
                {"serviceCode":"moi-vehicle-registration-renewal","submit":true,
                 "formData":{"plateNumber":"123456","insurancePolicy":"%s"}}""".formatted(privateWords().get(0)), Role.CITIZEN),
                "id");
            case "draftApplication" -> id(post("/api/eservices/applications", """
                {"serviceCode":"moi-vehicle-registration-renewal","submit":false,
                 "formData":{"plateNumber":"654321","insurancePolicy":"QIC-FUZZ-2"}}""", Role.CITIZEN), "id");
            case "paymentRef" -> {
                // an application of its own, so that what the fuzz suite does to ${application} cannot have paid it
                String application = id(post("/api/eservices/applications", """
                    {"serviceCode":"moi-vehicle-registration-renewal","submit":true,
                     "formData":{"plateNumber":"222222","insurancePolicy":"QIC-FUZZ-PAY"}}""", Role.CITIZEN), "id");
                String url = id(post("/api/eservices/applications/" + application + "/payments", "", Role.CITIZEN),
                    "redirectUrl");
                yield url == null ? null : url.substring(url.lastIndexOf('/') + 1);
            }
            case "change" -> id(post("/api/eservices/me/changes", "{\"kind\":\"PHONE\",\"phone\":\"+97450000001\"}",
                Role.CITIZEN), "id");
            case "credential" -> {
                get("moiCredential");
                var list = Suite.await(() -> Suite.get(GATEWAY + "/api/eservices/me/credentials", Role.CITIZEN.token()),
                    r -> r.statusCode() == 200 && Suite.json(r.body()).size() > 0, Duration.ofSeconds(20));
                yield list.statusCode() == 200 && Suite.json(list.body()).size() > 0
                    ? Suite.json(list.body()).get(0).get("id").asString() : null;
            }
            // participation
            case "poll" -> id(post("/api/participation/polls", """
                {"question":{"en":"Fuzz poll?","ar":"استطلاع الفحص؟"},"options":[{"en":"Yes","ar":"نعم"},{"en":"No","ar":"لا"}],
                 "multipleChoice":false,"opensAt":"%s","closesAt":"%s","audience":"ALL","resultsVisibility":"LIVE",
                 "suppressionThreshold":3}""".formatted(now.minusSeconds(5), now.plus(Duration.ofHours(2))), Role.STAFF), "id");
            case "pollOption" -> Suite.json(Suite.get(GATEWAY + "/api/participation/polls/" + get("poll"), null).body())
                .get("options").get(0).get("id").asString();
            case "receipt" -> id(post("/api/participation/polls/" + get("poll") + "/votes",
                "{\"optionIds\":[\"" + get("pollOption") + "\"]}", Role.CITIZEN), "receipt");
            case "consultation" -> id(post("/api/participation/consultations", """
                {"title":{"en":"Fuzz consultation","ar":"استشارة الفحص"},"summary":{"en":"A draft","ar":"مسودة"},
                 "sections":[{"heading":{"en":"One","ar":"واحد"},"body":{"en":"Text","ar":"نص"}}],
                 "opensAt":"%s","closesAt":"%s"}""".formatted(now.minusSeconds(5), now.plus(Duration.ofHours(2))), Role.STAFF),
                "id");
            case "section" -> Suite.json(Suite.get(GATEWAY + "/api/participation/consultations/" + get("consultation"), null)
                .body()).get("sections").get(0).get("id").asString();
            case "comment" -> id(post("/api/participation/consultations/" + get("consultation") + "/comments",
                "{\"body\":\"A comment of the fuzz suite\"}", Role.CITIZEN), "id");
            case "survey" -> id(post("/api/participation/surveys", """
                {"title":{"en":"Fuzz survey","ar":"استبيان الفحص"},"question":{"en":"How was it?","ar":"كيف كان؟"},
                 "opensAt":"%s","closesAt":"%s"}""".formatted(now.minusSeconds(5), now.plus(Duration.ofHours(2))), Role.STAFF),
                "id");
            case "complaint" -> id(post("/api/participation/complaints", """
                {"kind":"COMPLAINT","agency":"moi","subject":"Fuzz complaint","description":"%s"}""".formatted(privateWords().get(1)),
                Role.CITIZEN), "id");
            case "trackingNumber" -> Suite.json(Suite.get(GATEWAY + "/api/participation/complaints/" + get("complaint"),
                Role.CITIZEN.token()).body()).get("trackingNumber").asString();
            case "attachment" -> id(upload("/api/participation/complaints/" + get("complaint") + "/attachments",
                Role.CITIZEN), "id");
            case "open311Service" -> Suite.json(Suite.get(GATEWAY + "/api/participation/open311/v2/services.json", null)
                .body()).get(0).get("service_code").asString();
            // procurement
            case "supplier" -> supplier(Role.SUPPLIER, "Fuzz Supplies", "توريدات الفحص");
            case "supplier2" -> supplier(Role.SUPPLIER2, "Second Fuzz Supplies", "توريدات الفحص الثانية");
            case "tenderDraft" -> id(post("/api/procurement/tenders", tender(now), Role.STAFF), "id");
            case "tender" -> {
                String id = id(post("/api/procurement/tenders", tender(now), Role.STAFF), "id");
                yield id(post("/api/procurement/tenders/" + id + "/publish", "", Role.STAFF), "id");
            }
            case "ocid" -> Suite.json(Suite.get(GATEWAY + "/api/procurement/tenders/" + get("tender"), null).body())
                .get("ocid").asString();
            case "release" -> Suite.json(Suite.get(GATEWAY + "/api/procurement/ocds/releases?ocid=" + get("ocid"), null)
                .body()).get("releases").get(0).get("id").asString();
            case "bid" -> {
                get("supplier");
                yield id(post("/api/procurement/tenders/" + get("tender") + "/bids", """
                    {"amount":1000,"currency":"QAR"}""", Role.SUPPLIER), "id");
            }
            case "clarification" -> {
                get("supplier");
                yield id(post("/api/procurement/tenders/" + get("tender") + "/clarifications",
                    "{\"question\":\"" + privateWords().get(2) + "\"}", Role.SUPPLIER), "id");
            }
            // open data
            case "dataset" -> id(post("/api/opendata/datasets", """
                {"name":"e2e-fuzz-%s","organization":"moi","title":{"en":"Fuzz data","ar":"بيانات الفحص"},
                 "license":"cc-by"}""".formatted(tag), Role.STAFF), "name");
            case "resource" -> id(post("/api/opendata/datasets/" + get("dataset") + "/resources",
                "{\"name\":{\"en\":\"Rows\",\"ar\":\"صفوف\"},\"format\":\"CSV\"}", Role.STAFF), "id");
            // notifications
            case "notice" -> {
                get("application");
                var inbox = Suite.await(() -> Suite.get(GATEWAY + "/api/notifications/me/notices?size=1", Role.CITIZEN.token()),
                    r -> r.statusCode() == 200 && !Suite.json(r.body()).path("items").isEmpty(), Duration.ofSeconds(20));
                yield Suite.json(inbox.body()).path("items").path(0).path("id").asString(null);
            }
            case "template" -> id(send("PUT", "/api/notifications/templates/e2e-fuzz-" + tag, """
                {"en":{"subject":"Fuzz subject","body":"Fuzz body"},"ar":{"subject":"موضوع الفحص","body":"نص الفحص"}}""",
                Role.ADMIN.token()), "code");
            case "webhook" -> id(send("POST", "/api/notifications/webhooks", """
                {"url":"https://receiver.example.org/fuzz","types":["org.bawaba.eservices.application.submitted.v1"]}""",
                integrationToken()), "subscription.id");
            // auth: an agency of the suite's own, so that offboarding, converging and rotating harm nobody
            case "scratchAgency" -> {
                var onboarded = Suite.putJson(GATEWAY + "/api/auth/agencies/e2escratch", """
                    {"name":{"en":"Scratch agency of the tests","ar":"جهة تجريبية للاختبارات"},"services":["probe"]}""",
                    Role.ADMIN.token());
                yield onboarded.statusCode() / 100 == 2 ? "e2escratch" : null;
            }
            // auth: an outside system of the suite's own, which onboarding and offboarding harm nobody
            case "scratchSystem" -> {
                var onboarded = Suite.putJson(GATEWAY + "/api/auth/systems/e2escratch", """
                    {"name":{"en":"Scratch system of the tests","ar":"نظام تجريبي للاختبارات"},"topics":["bawaba.participation.polls"]}""",
                    Role.ADMIN.token());
                yield onboarded.statusCode() / 100 == 2 ? "e2escratch" : null;
            }
            // agencies' own services
            case "moiCredential" -> id(send("POST", "/api/agencies/moi/identity/credentials", """
                {"citizen":"%s","type":"RESIDENCE_PERMIT","number":"RPF%s","issuedOn":"2025-03-01","expiresOn":"2027-02-28"}"""
                .formatted(Role.CITIZEN.subject(), get("TAG")), Role.SYSTEM.token()), "id");
            default -> throw new IllegalArgumentException("no fixture named '" + name + "'");
        };
    }

    private static String tender(Instant now) {
        return """
            {"title":{"en":"Fuzz tender","ar":"مناقصة الفحص"},"description":{"en":"Made by the fuzz suite","ar":"أنشأها الفحص"},
             "category":"it-equipment","estimatedValue":{"amount":5000,"currency":"QAR"},
             "criteria":[{"name":{"en":"Price","ar":"السعر"},"weight":100}],
             "clarificationDeadline":"%s","submissionDeadline":"%s","openingTime":"%s"}"""
            .formatted(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(3)));
    }

    /** The supplier's id, registering it first on a fresh database. */
    private String supplier(Role role, String english, String arabic) {
        var me = Suite.get(GATEWAY + "/api/procurement/suppliers/me", role.token());
        if (me.statusCode() == 404) {
            me = post("/api/procurement/suppliers", """
                {"registrationNumber":"FUZZ-%s-%d","name":{"en":"%s","ar":"%s"},"sells":["it-equipment"],
                 "contact":{"email":"tenders@fuzz%d.example"}}""".formatted(tag, role.ordinal(), english, arabic,
                role.ordinal()), role);
        }
        return id(me, "id");
    }

    /** The demo integration's system (role integration), which owns webhook subscriptions. */
    private static String integrationToken() {
        // the installation's generated secret of the demo integration (.bawaba/secrets.env)
        return Suite.systemToken("demo-integration");
    }

    private static HttpResponse<String> post(String path, String json, Role role) {
        return send("POST", path, json, role.token());
    }

    private static HttpResponse<String> send(String method, String path, String json, String bearer) {
        if (bearer == null) {
            throw new IllegalStateException("no token for " + path);
        }
        return Suite.send(HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
            .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpResponse<String> upload(String path, Role role) {
        String boundary = "fuzz" + UUID.randomUUID();
        String pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fuzz.pdf\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n" + pdf + "\r\n--" + boundary + "--\r\n";
        return Suite.send(HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + role.token())
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /** A field (dotted path) of a 2xx answer; anything else is a fixture that could not be made. */
    private static String id(HttpResponse<String> response, String field) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        JsonNode node = Suite.json(response.body());
        for (String part : field.split("\\.")) {
            node = node.path(part);
        }
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }
}
