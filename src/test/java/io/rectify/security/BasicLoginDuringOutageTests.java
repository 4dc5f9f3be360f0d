package io.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * An HTTP Basic call whose account cannot be looked up because the database is out of reach is
 * answered as every other request during an outage (503 with Retry-After), never 401: a 401 would
 * tell the client its password is wrong, and a client that believes it stops or asks its user again.
 * The outage is one account's lookup failing as the pool fails when the database is gone
 * ({@link UnreachableAccount}); every other account is looked up as usual.
 */
class BasicLoginDuringOutageTests extends SecurityIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    /** Over the real port: the outage's answer is written by a servlet filter outside Spring Security's. */
    @Test
    void aBasicCallWhoseAccountLookupFindsTheDatabaseOutOfReachIsAnswered503WithRetryAfter() {
        ResponseEntity<String> response = rest.withBasicAuth(UnreachableAccount.USERNAME, PASSWORD)
                .getForEntity("/api/categories", String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(response.getBody()).contains("\"status\":503");
    }

    @Test
    void aWrongPasswordIsStill401AndTheRightOne200() throws Exception {
        String user = freshUser();

        assertThat(basic(user, "Wrong@2026x").getStatus()).isEqualTo(401);
        assertThat(basic("no.such.user", PASSWORD).getStatus()).isEqualTo(401);
        assertThat(basic(user, PASSWORD).getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse basic(String user, String password) throws Exception {
        String address = freshAddress();
        return mvc.perform(get("/api/categories").with(httpBasic(user, password)).with(request -> {
            request.setRemoteAddr(address);
            return request;
        })).andReturn().getResponse();
    }
}
