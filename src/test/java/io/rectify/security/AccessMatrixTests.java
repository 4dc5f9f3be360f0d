package io.rectify.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every HTTP endpoint the application has, found in its request mappings (not listed by hand),
 * is called by nobody and by each of the six roles, and must answer as
 * {@code src/test/resources/access-matrix.csv} declares. An endpoint missing from the file fails
 * the test with the row to add (after checking it); a row whose endpoint is gone fails too.
 *
 * <p>Outcomes: {@code ok} (let through: any answer but 401, 403, a redirect to the login page or
 * a server error — an unknown id is 404, an empty body 400), {@code 401}, {@code 403},
 * {@code 404} (exactly that status), {@code login} (a redirect to the login page). Path
 * variables are given values that name nothing, so no call changes anything.
 */
class AccessMatrixTests extends SecurityIntegrationTest {

    static final String MATRIX = "access-matrix.csv";
    static final List<String> CALLERS = List.of("anonymous", "SUPERVISOR", "RESPONDER", "SUPERVISION", "ADMIN",
            "SECURITY_ADMIN", "AUDIT_ADMIN");
    static final Map<String, String> USER_OF_ROLE = Map.of("SUPERVISOR", "jx.office", "RESPONDER", "jx.edu",
            "SUPERVISION", "jx.supervision", "ADMIN", "admin", "SECURITY_ADMIN", "security", "AUDIT_ADMIN", "auditor");
    static final String UNKNOWN = "matrix-unknown-0";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    UserDetailsService users;

    @Test
    void everyEndpointAnswersEveryRoleAsTheMatrixDeclares() throws Exception {
        Map<String, List<String>> declared = readMatrix();
        Set<String> found = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            boolean multipartBody = info.getConsumesCondition().getConsumableMediaTypes().contains(MediaType.MULTIPART_FORM_DATA);
            for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                for (String pattern : info.getPatternValues()) {
                    String endpoint = method + " " + pattern;
                    found.add(endpoint);
                    List<String> observed = new ArrayList<>();
                    List<String> expected = declared.get(endpoint);
                    for (int i = 0; i < CALLERS.size(); i++) {
                        MockHttpServletResponse response = call(method, pattern, CALLERS.get(i), multipartBody);
                        observed.add(outcome(response));
                        if (expected != null && !matches(expected.get(i), response)) {
                            failures.add(endpoint + " as " + CALLERS.get(i) + ": declared " + expected.get(i)
                                    + ", answered " + response.getStatus() + location(response));
                        }
                    }
                    if (expected == null) {
                        failures.add("UNDECLARED endpoint " + endpoint + ": decide who may call it and add to "
                                + MATRIX + " a row such as (as it answers now): " + method + "," + pattern + ","
                                + String.join(",", observed));
                    }
                }
            }
        }
        declared.keySet().stream().filter(e -> !found.contains(e))
                .forEach(e -> failures.add("STALE row in " + MATRIX + ": no endpoint " + e));
        assertThat(failures).as("endpoints against " + MATRIX + " (" + found.size() + " endpoints)").isEmpty();
    }

    /**
     * An account the system administrator created and the security administrator has not approved
     * is refused at every endpoint of the API with its right password, and cannot sign in to the pages.
     */
    @Test
    void aPendingAccountIsRefusedEverywhere() throws Exception {
        String pending = freshUser();
        jdbc.update("update app_user set approved = false where username = ?", pending);
        List<String> let = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                for (String pattern : info.getPatternValues()) {
                    if (!pattern.startsWith("/api/")) {
                        continue;
                    }
                    String path = pattern.replaceAll("\\{[^}]+}", UNKNOWN);
                    int status = mvc.perform(request(HttpMethod.valueOf(method.name()), path)
                            .with(httpBasic(pending, PASSWORD)).with(from(freshAddress()))).andReturn().getResponse().getStatus();
                    if (status != 401) {
                        let.add(method + " " + pattern + ": " + status);
                    }
                }
            }
        }
        assertThat(let).as("API endpoints that answered a pending account otherwise than 401").isEmpty();
        assertThat(mvc.perform(post("/login").param("username", pending).param("password", PASSWORD).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login?error=pending");
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private MockHttpServletResponse call(RequestMethod method, String pattern, String caller, boolean multipartBody)
            throws Exception {
        String path = pattern.replaceAll("\\{[^}]+}", UNKNOWN);
        boolean api = path.startsWith("/api/");
        MockHttpServletRequestBuilder request;
        if (multipartBody) {
            request = multipart(HttpMethod.valueOf(method.name()), path).file(new MockMultipartFile("file", "matrix.txt",
                    "text/plain", "matrix".getBytes(StandardCharsets.UTF_8)));
        } else {
            request = request(HttpMethod.valueOf(method.name()), path);
            if (method == RequestMethod.POST || method == RequestMethod.PUT || method == RequestMethod.PATCH) {
                request = api ? request.contentType(MediaType.APPLICATION_JSON).content("{}")
                        : request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
            }
        }
        request.accept(api ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML).with(csrf());
        if (!caller.equals("anonymous")) {
            UserDetails user = users.loadUserByUsername(USER_OF_ROLE.get(caller));
            request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
        }
        try {
            return mvc.perform(request).andReturn().getResponse();
        } catch (jakarta.servlet.ServletException e) {
            // what the servlet container would answer: MockMvc has no error page to turn it into
            MockHttpServletResponse failed = new MockHttpServletResponse();
            failed.setStatus(500);
            return failed;
        }
    }

    private static boolean matches(String expected, MockHttpServletResponse response) {
        return switch (expected) {
            case "ok" -> outcome(response).equals("ok");
            case "login" -> outcome(response).equals("login");
            default -> String.valueOf(response.getStatus()).equals(expected);
        };
    }

    private static String outcome(MockHttpServletResponse response) {
        int status = response.getStatus();
        if (status == 401 || status == 403) {
            return String.valueOf(status);
        }
        if (status / 100 == 3 && String.valueOf(response.getRedirectedUrl()).endsWith("/login")) {
            return "login";
        }
        return status >= 500 ? String.valueOf(status) : "ok";
    }

    private static String location(MockHttpServletResponse response) {
        return response.getRedirectedUrl() == null ? "" : " to " + response.getRedirectedUrl();
    }

    /** method,path pattern,then one outcome per caller in the order of {@link #CALLERS}; # starts a comment. */
    static Map<String, List<String>> readMatrix() throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (InputStream in = AccessMatrixTests.class.getClassLoader().getResourceAsStream(MATRIX)) {
            assertThat(in).as(MATRIX + " on the test class path").isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (String line : lines) {
                String row = line.strip();
                if (row.isEmpty() || row.startsWith("#")) {
                    continue;
                }
                List<String> cells = List.of(row.split("\\s*,\\s*"));
                assertThat(cells).as("row '" + row + "': method, path and " + CALLERS.size() + " outcomes")
                        .hasSize(2 + CALLERS.size());
                cells.subList(2, cells.size()).forEach(c -> assertThat(c).as("outcome in row '" + row + "'")
                        .matches("ok|login|[1-5][0-9][0-9]"));
                assertThat(rows.put(cells.get(0) + " " + cells.get(1), cells.subList(2, cells.size())))
                        .as("row declared twice: " + row).isNull();
            }
        }
        return rows;
    }
}
