package io.rectify;

import io.rectify.casefile.BreakableAttachmentStore;
import io.rectify.finding.FakeSiteChecks;
import io.rectify.monitoring.LoopbackGovNames;
import io.rectify.notification.RefusableChannel;
import io.rectify.notification.WatchedMail;
import io.rectify.security.UnreachableAccount;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole application on a fresh database, with a real HTTP port and the job executor on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({MovableSecurityClock.Configuration.class, RefusableChannel.Configuration.class, WatchedMail.Configuration.class,
        BreakableAttachmentStore.Configuration.class, UnreachableAccount.Configuration.class,
        FakeSiteChecks.Configuration.class, LoopbackGovNames.Configuration.class})
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("rectify.data-dir", () -> "target/test-data");
        // the JDK's HTTP client for TestRestTemplate, whatever else the test classpath holds (the HTML checker brings Jetty's)
        registry.add("spring.http.client.factory", () -> "jdk");
        // a clock moved past a self-inspection deadline would open A34-02 cases against the demo offices in
        // every test; SelfInspectionOverdueTests turns it on in a context of its own
        registry.add("rectify.self-inspection.overdue-cases", () -> "false");
    }
}
