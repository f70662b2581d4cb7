package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The matrix file and its rules, without the suite (run by a plain build). */
class AuthorizationMatrixTest {

    @Test
    void theMatrixFileParsesAndDeclaresEveryServiceOfTheSuite() {
        AuthorizationMatrix matrix = AuthorizationMatrix.load();
        assertThat(matrix.all()).hasSizeGreaterThan(150);
        for (String service : new String[] { "gateway", "auth", "eservices", "participation", "opendata", "procurement",
                "notifications", "moi-identity", "ewa-accounts", "moph-births", "msd-family" }) {
            assertThat(matrix.of(service)).as(service).isNotEmpty();
        }
    }

    @Test
    void aRefusedRoleIsDeniedByDefaultAnonymousIsUnauthorizedAndRefusedSetsEveryRefusal() {
        AuthorizationMatrix matrix = AuthorizationMatrix.parse(new YAMLMapper().readTree("""
            svc:
              GET /mine: {allow: [citizen, staff]}
              POST /callback: {allow: nobody, refused: 401}
              GET /open: public
              GET /draft/{id}: {allow: [staff], expect: {anonymous: 404, otherStaff: 403}}
            """));
        var mine = matrix.find("svc", "GET /mine").orElseThrow();
        assertThat(mine.expected(Role.CITIZEN)).isEqualTo(AuthorizationMatrix.Outcome.ALLOW);
        assertThat(mine.expected(Role.ANONYMOUS)).isEqualTo(AuthorizationMatrix.Outcome.UNAUTHORIZED);
        assertThat(mine.expected(Role.CITIZEN2)).isEqualTo(AuthorizationMatrix.Outcome.DENY);
        assertThat(AuthorizationMatrix.Outcome.DENY.accepts(404)).isTrue();
        assertThat(AuthorizationMatrix.Outcome.DENY.accepts(200)).isFalse();
        assertThat(AuthorizationMatrix.Outcome.ALLOW.accepts(409)).isTrue();
        assertThat(AuthorizationMatrix.Outcome.ALLOW.accepts(403)).isFalse();
        assertThat(AuthorizationMatrix.Outcome.ALLOW.accepts(500)).isFalse();
        var callback = matrix.find("svc", "POST /callback").orElseThrow();
        assertThat(callback.expected(Role.ADMIN)).isEqualTo(AuthorizationMatrix.Outcome.UNAUTHORIZED);
        assertThat(matrix.find("svc", "GET /open").orElseThrow().expected(Role.ANONYMOUS))
            .isEqualTo(AuthorizationMatrix.Outcome.ALLOW);
        var draft = matrix.find("svc", "GET /draft/{id}").orElseThrow();
        assertThat(draft.expected(Role.ANONYMOUS)).isEqualTo(AuthorizationMatrix.Outcome.NOT_FOUND);
        assertThat(draft.expected(Role.OTHER_STAFF)).isEqualTo(AuthorizationMatrix.Outcome.FORBIDDEN);
        assertThat(draft.pathTemplate()).isEqualTo("/draft/{id}");
    }

    @Test
    void aMistypedRoleOrOperationIsRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> AuthorizationMatrix.parse(new YAMLMapper().readTree("svc:\n  GET /x: {allow: [citizn]}\n")))
            .hasMessageContaining("citizn");
        assertThatThrownBy(() -> AuthorizationMatrix.parse(new YAMLMapper().readTree("svc:\n  /x: public\n")))
            .hasMessageContaining("METHOD /path");
    }
}
