package io.rectify.monitoring.internal;

import java.time.Clock;

import io.rectify.directory.WebsiteAddressCheck;
import io.rectify.monitoring.MonitoringSettings;
import io.rectify.monitoring.internal.http.AddressPolicy;
import io.rectify.monitoring.internal.http.HostResolver;
import io.rectify.monitoring.internal.http.SafeHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The monitoring's client, built once from its settings. */
@Configuration(proxyBeanMethods = false)
class MonitoringConfiguration {

    @Bean(destroyMethod = "close")
    SafeHttpClient monitoringHttpClient(MonitoringSettings settings, ObjectProvider<HostResolver> resolver, Clock clock) {
        return new SafeHttpClient(settings.http(), new AddressPolicy(settings.allowPrivateAddresses()),
                resolver.getIfAvailable(() -> HostResolver.SYSTEM), clock);
    }

    /** The directory asks before it saves a website's address. */
    @Bean
    WebsiteAddressCheck websiteAddressCheck(SafeHttpClient http) {
        return url -> http.refusal(url).map(why -> "该地址不能用于监测：" + why + " / this address cannot be monitored: " + why);
    }

}
