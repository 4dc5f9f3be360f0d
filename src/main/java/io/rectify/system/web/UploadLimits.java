package io.rectify.system.web;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An upload over the size limit is answered 413 with a problem detail. Tomcat by default stops
 * reading such a request and drops the connection, so a client still sending its body sees a
 * broken pipe instead of the answer; swallowing the rest of the body (up to
 * {@code server.tomcat.max-swallow-size}) lets the answer reach it.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> swallowAbortedUploads() {
        return factory -> factory.addContextCustomizers(context -> context.setSwallowAbortedUploads(true));
    }
}
