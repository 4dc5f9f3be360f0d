package io.rectify.workflow.internal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WorkflowConfiguration {

    /** The one clock of the application, kept in step with the engine's. */
    @Bean
    Clock clock() {
        return EngineClock.utc();
    }
}
