package io.rectify.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Whether a host is a registered website's: what the portal's unregistered-sites check asks (demo registry). */
class RegisteredHostTests extends IntegrationTest {

    @Autowired Directory directory;

    @Test
    void aHostIsRegisteredWhateverTheSchemePortPathOrCaseOfItsSitesAddress() {
        assertThat(directory.isRegisteredHost("www.jiangxi.gov.cn")).as("https://www.jiangxi.gov.cn").isTrue();
        assertThat(directory.isRegisteredHost("HC.jiangxi.gov.cn")).as("https://hc.jiangxi.gov.cn").isTrue();
        assertThat(directory.isRegisteredHost("127.0.0.1")).as("the demo fleet, http://127.0.0.1:port/demo-sites/…").isTrue();
    }

    @Test
    void aHostOfNoRegisteredSiteIsNotAndNoPrefixOrPatternMatches() {
        assertThat(directory.isRegisteredHost("jyt.jiangxi.gov.cn")).isFalse();
        assertThat(directory.isRegisteredHost("jiangxi.gov.cn")).as("www.jiangxi.gov.cn's parent").isFalse();
        assertThat(directory.isRegisteredHost("www.jiangxi.gov")).as("a prefix of a registered host").isFalse();
        assertThat(directory.isRegisteredHost("www_jiangxi.gov.cn")).as("_ is no wildcard").isFalse();
        assertThat(directory.isRegisteredHost("%")).as("% is no wildcard").isFalse();
    }
}
