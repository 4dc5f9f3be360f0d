package io.rectify.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.rectify.IntegrationTest;
import io.rectify.monitoring.internal.http.SafeHttpClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The schedule runs an execution at least once: a node that dies after writing its probe, before
 * the execution is rescheduled, leaves it to another node, which runs it again. Each due time of a
 * site still has one probe.
 */
class ScheduledProbeTests extends IntegrationTest {

    @Autowired Monitor monitor;
    @Autowired ProbeLog probes;
    @Autowired SafeHttpClient http;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aDueTimeProbedOnceIsNotProbedAgainWhenItsExecutionRunsTwice() {
        long site = demoSite("jxedu");
        Instant due = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(3_600);

        monitor.probeHomepage(site, due);
        monitor.probeHomepage(site, due);
        monitor.probeHomepage(site, due.plusSeconds(600));

        assertThat(jdbc.queryForObject("select count(*) from probe where website_id = ? and due_at = ?", Integer.class, site,
                Timestamp.from(due))).isEqualTo(1);
        // the schedule's own probes of the site (other tests run it) are due before these
        assertThat(jdbc.queryForObject("select count(*) from probe where website_id = ? and due_at >= ?", Integer.class,
                site, Timestamp.from(due))).as("one probe per due time, two due times").isEqualTo(2);
    }

    @Test
    void aSecondProbeOfTheSameDueTimeWrittenByAnotherNodeIsRefusedByTheDatabase() {
        long site = demoSite("ncgov");
        Instant due = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(7_200);
        var fetched = http.get(jdbc.queryForObject("select url from website where id = ?", String.class, site));

        probes.recordScheduled(site, fetched, due);

        assertThat(probes.probedFor(site, due)).isTrue();
        assertThatThrownBy(() -> probes.recordScheduled(site, fetched, due)).isInstanceOf(DuplicateKeyException.class);
        // the daily run's and the checks' requests have no due time: any number of them
        probes.record(site, ProbeLog.Purpose.HOMEPAGE, fetched, false);
        probes.record(site, ProbeLog.Purpose.HOMEPAGE, fetched, false);
        assertThat(probes.probedFor(site, due.plusSeconds(1))).isFalse();
    }

    private long demoSite(String name) {
        return jdbc.queryForObject("select id from website where url like ?", Long.class, "%/demo-sites/" + name + "/");
    }
}
