package io.rectify.monitoring.web;

import org.springframework.security.access.prepost.PreAuthorize;
import io.rectify.monitoring.internal.DemoFleet;
import io.rectify.monitoring.internal.DemoFleet.DemoSite;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo fleet's pages (default profile only), open to anyone like a public website: the
 * monitoring fetches them without credentials. One site answers 503, as a site that is down.
 */
@RestController
@RequestMapping("/demo-sites")
// served where the fleet is watched: the demo, on a profile that may fetch this machine
@ConditionalOnExpression("${rectify.demo:false} and ${rectify.monitoring.allow-private-addresses:false}")
class DemoSitePages {

    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final DemoFleet fleet;

    DemoSitePages(DemoFleet fleet) {
        this.fleet = fleet;
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/{site}/")
    ResponseEntity<String> homepage(@PathVariable String site) {
        return fleet.site(site).map(s -> s.broken() ? down() : ok(fleet.homepage(s))).orElseGet(DemoSitePages::missing);
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/{site}/c/{column}/")
    ResponseEntity<String> column(@PathVariable String site, @PathVariable int column) {
        DemoSite demo = fleet.site(site).orElse(null);
        if (demo == null) {
            return missing();
        }
        if (demo.broken()) {
            return down();
        }
        return fleet.column(demo, column).map(DemoSitePages::ok).orElseGet(DemoSitePages::missing);
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/{site}/c/{column}/{article}.html")
    ResponseEntity<String> article(@PathVariable String site, @PathVariable int column, @PathVariable int article) {
        DemoSite demo = fleet.site(site).orElse(null);
        if (demo == null || demo.broken()) {
            return missing();
        }
        return fleet.article(demo, column, article).map(DemoSitePages::ok).orElseGet(DemoSitePages::missing);
    }

    private static ResponseEntity<String> ok(String html) {
        return ResponseEntity.ok().contentType(HTML).body(html);
    }

    private static ResponseEntity<String> down() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(HTML).body("<html><body>503 Service Unavailable</body></html>");
    }

    private static ResponseEntity<String> missing() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(HTML).body("<html><body>404 Not Found</body></html>");
    }

    /** Public like any website: no sign-in, no session, no CSRF (nothing here changes anything). */
    @Bean
    @Order(0)
    static SecurityFilterChain demoSites(HttpSecurity http) throws Exception {
        return http.securityMatcher("/demo-sites/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
