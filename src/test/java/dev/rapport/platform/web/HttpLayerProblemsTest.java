package dev.rapport.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;

/**
 * What the HTTP layer refuses before any resource runs is a problem document like every other error: bodies over
 * the limit however they are sent, over-long request lines and headers, paths that do not decode, and control
 * characters in the headers the service reads.
 */
@QuarkusTest
@TestSecurity(user = "agent-alice", roles = "agent", augmentors = RolePermissions.class)
class HttpLayerProblemsTest {

    @Test
    void aChunkedBodyOverTheLimitIsPayloadTooLarge() throws Exception {
        byte[] body = RawHttp.chunked(
                ("{\"givenName\":\"" + "a".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8));
        String head = "Transfer-Encoding: chunked\r\nContent-Type: application/json";

        assertProblem(http().http1("POST /v1/customers HTTP/1.1\r\n" + head, body), 413, "payload-too-large");
        assertProblem(http().http1("POST /graphql HTTP/1.1\r\n" + head, body), 413, "payload-too-large");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsRead() throws Exception {
        byte[] body = RawHttp.chunked("{\"givenName\":\"Chunky\"}".getBytes(StandardCharsets.UTF_8));
        RawHttp.Response created = http().http1(
                        "POST /v1/customers HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json",
                        body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().getString("givenName")).isEqualTo("Chunky");
    }

    @Test
    void anOverlongRequestLineIsUriTooLong() throws Exception {
        RawHttp.Response response = http().http1("GET /v1/customers?q=" + "a".repeat(5000) + " HTTP/1.1", null);

        assertProblem(response, 414, "uri-too-long");
    }

    @Test
    void overlargeHeadersAreHeadersTooLarge() throws Exception {
        RawHttp.Response response =
                http().http1("GET /v1/customers HTTP/1.1\r\nX-Padding: " + "a".repeat(30_000), null);

        assertProblem(response, 431, "headers-too-large");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v1/customers/%00",
                "/v1/customers/%E0%A4",
                "/v1/customers/%C0%AF",
                "/v1/customers/%0A",
                "/v1/customers?q=%00",
                "/v1/customers?q=%FF",
                "/graphql/%00"
            })
    void aPathOrQueryThatIsNotUtf8OrHoldsControlCharactersIsMalformed(String target) throws Exception {
        RawHttp.Response response = http().http1("GET " + target + " HTTP/1.1", null);

        assertProblem(response, 400, "malformed-request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Idempotency-Key", "If-Match", "If-None-Match", "X-Request-Id"})
    void controlCharactersInAHeaderTheServiceReadsAreRefused(String header) throws Exception {
        for (String value : new String[] {"a\u0001b", "a\u0000b", "\"0\u007f\"", "a\u001fb"}) {
            RawHttp.Response response = http().http2Get("/v1/customers", Map.of(header, value));

            assertProblem(response, 400, "validation-failed");
            assertThat(response.json().getString("errors[0].field")).isEqualTo(header);
        }
        RawHttp.Response tab = http().http2Get("/v1/customers?limit=1", Map.of(header, "\"a\tb\""));
        assertThat(tab.status()).isNotEqualTo(400);
    }

    private static RawHttp http() {
        return new RawHttp("localhost", RestAssured.port);
    }

    private static void assertProblem(RawHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).isEqualTo("application/problem+json");
        assertThat(response.json().getString("type")).isEqualTo("https://rapport.dev/problems/" + code);
        assertThat(response.json().getString("code")).isEqualTo(code);
        assertThat(response.json().getInt("status")).isEqualTo(status);
        assertThat(response.json().getString("requestId")).isNotBlank();
        assertThat(response.header("X-Request-Id")).isEqualTo(response.json().getString("requestId"));
    }
}
