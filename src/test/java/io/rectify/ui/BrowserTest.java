package io.rectify.ui;

import java.util.ArrayList;
import java.util.List;

import io.rectify.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A test of the pages in a real browser (Debian's chromium through its driver): one browser per
 * test class, opened on first use and closed after the class, and the problems that the checks of
 * the pages shown found (axe-core, the Nu HTML Checker), which a test asserts empty at its end.
 * Each test class says {@code @EnabledIf("io.rectify.ui.Browser#available")} itself: JUnit does
 * not take that condition from a superclass, so here it would let a machine without a browser fail
 * every page test instead of reporting them skipped with the reason.
 */
abstract class BrowserTest extends IntegrationTest {

    private static Browser browser;

    @LocalServerPort
    int port;

    /** what the checks of the pages found so far in this test */
    final List<String> problems = new ArrayList<>();

    /** The class's browser on this server, opened on first use; its cookies last until the class ends. */
    Browser browser() {
        if (browser == null) {
            browser = new Browser("http://localhost:" + port);
        }
        return browser;
    }

    /** Checks the page shown, named {@code name} in the report; its problems wait for the test's end. */
    void check(String name) {
        problems.addAll(browser().check(name));
    }

    /** {@link #check} for a page that answered a POST (a form shown again with its errors). */
    void checkAnswerToPost(String name) {
        problems.addAll(browser().checkAnswerToPost(name));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
