package io.rectify;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import io.rectify.api.Api;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Web pages driven through MockMvc on the application of {@link IntegrationTest} (the same context:
 * no second engine), signed in as a demo user; cases are set up through the HTTP API.
 */
public abstract class PageTest extends IntegrationTest {

    @Autowired
    protected WebApplicationContext context;

    @Autowired
    protected UserDetailsService users;

    @Autowired
    protected TestRestTemplate rest;

    protected MockMvc mvc;

    @BeforeEach
    void pages() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    /** Signed in as this user, with the principal the application's own sign-in gives. */
    protected RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    protected Api api(String username) {
        return new Api(rest, username);
    }
}
