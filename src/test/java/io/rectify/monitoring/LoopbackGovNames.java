package io.rectify.monitoring;

import java.net.InetAddress;

import io.rectify.monitoring.internal.http.HostResolver;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Government-looking names for sites a test serves on this machine: every name under
 * {@code test.gov.cn} is 127.0.0.1, so the checks that judge a site by its .gov.cn name run
 * against a local server. Other names resolve as usual; tests contact loopback only.
 */
public final class LoopbackGovNames {

    public static final String DOMAIN = "test.gov.cn";

    private LoopbackGovNames() {
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        HostResolver loopbackGovNames() {
            return host -> host.endsWith("." + DOMAIN)
                    ? new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})}
                    : HostResolver.SYSTEM.resolve(host);
        }
    }
}
