package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The fuzz suite's values, without the suite: valid to begin with, broken one piece at a time, the same for a seed. */
class FuzzVariantsTest {

    private static final JsonNode DOCUMENT = Suite.json("""
        {"components": {"schemas": {"Poll": {"type": "object", "required": ["question", "closesAt"], "properties": {
          "question": {"type": "string", "maxLength": 40},
          "code": {"type": "string", "pattern": "^[a-z][a-z0-9-]{1,31}$"},
          "threshold": {"type": "integer", "minimum": 3, "maximum": 1000},
          "closesAt": {"type": "string", "format": "date-time"},
          "form": {"$ref": "#/components/schemas/JsonNode"}}}}}}""");

    private static final ApiOperation OPERATION = new ApiOperation("participation", "POST", "/polls/{id}/votes",
        "http://localhost:8080/api/participation", "http://localhost:8082",
        List.of(new ApiOperation.Parameter("id", "path", true, Suite.json("{\"type\":\"string\",\"format\":\"uuid\"}")),
            new ApiOperation.Parameter("size", "query", true, Suite.json("{\"type\":\"integer\"}"))),
        Map.of("application/json", Suite.json("{\"$ref\":\"#/components/schemas/Poll\"}")), false, DOCUMENT);

    @Test
    void theOrdinaryRequestRespectsTheSchema() {
        JsonNode body = RequestShape.base(OPERATION, null, new Fixtures(1), new Random(7)).json;
        assertThat(body.get("question").asString().length()).isLessThanOrEqualTo(40);
        assertThat(body.get("code").asString()).matches("[a-z][a-z0-9-]{1,31}");
        assertThat(body.get("threshold").asInt()).isBetween(3, 1000);
        assertThat(body.get("closesAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(body.get("form").isObject()).isTrue();
    }

    @Test
    void theSameSeedGivesTheSameRequestsAndAnotherSeedOtherValues() {
        assertThat(requests(42)).isEqualTo(requests(42));
        assertThat(requests(42)).isNotEqualTo(requests(43));
    }

    @Test
    void eachKindOfBreakageIsThere() {
        List<FuzzVariants.Variant> variants = FuzzVariants.of(RequestShape.base(OPERATION, null, new Fixtures(1), new Random(7)));
        assertThat(variants).extracting(FuzzVariants.Variant::name).contains("path id NUL", "query size 2147483648",
            "query size beyond long", "query size missing", "body question 100k characters", "body threshold null",
            "body question missing", "[] for the body", "invalid UTF-8 in the body", "nested 5000 deep",
            "content type application/json; charset=x-nope", "content type multipart/form-data");
        FuzzVariants.Variant nul = variants.stream().filter(v -> v.name().equals("body question NUL")).findFirst().orElseThrow();
        String sent = new String(nul.shape().render(false, Role.CITIZEN, "ar").body(), StandardCharsets.UTF_8);
        assertThat(sent).contains("a\\u0000b");
        ApiClient.Request traversal = variants.stream().filter(v -> v.name().equals("path id path traversal")).findFirst()
            .orElseThrow().shape().render(true, Role.ANONYMOUS, "en");
        assertThat(traversal.url()).startsWith("http://localhost:8082/polls/..%2F..%2Factuator%2Fenv/votes?size=");
        assertThat(traversal.headers()).containsEntry("Accept-Language", "en");
    }

    private static List<String> requests(long seed) {
        Random random = new Random(seed);
        return FuzzVariants.of(RequestShape.base(OPERATION, null, new Fixtures(seed), random)).stream()
            .map(v -> {
                ApiClient.Request request = v.shape().render(false, Role.CITIZEN, "en");
                return v.name() + " " + request.url() + " " + (request.body() == null ? ""
                    : new String(request.body(), StandardCharsets.UTF_8).replaceAll("\\d{4}-\\d\\d-\\d\\dT[^\"]*", "<time>"));
            })
            .toList();
    }
}
