package io.rectify.workflow.internal;

import java.time.Clock;
import java.util.Set;

import io.rectify.workflow.CaseProcess;
import io.rectify.workflow.internal.engine.EngineClock;
import io.rectify.workflow.internal.engine.UserTaskListeners;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WorkflowConfiguration {

    /** The one clock of the application, kept in step with the engine's. */
    @Bean
    Clock clock() {
        return EngineClock.utc();
    }

    /** {@code work_item} follows every user task of the product's processes (not the delivery process of earlier releases). */
    @Bean
    UserTaskListeners workItemsFollowUserTasks(WorkItemListener workItems) {
        return new UserTaskListeners(Set.of(CaseProcess.KEY, CaseProcess.SUPERVISION_KEY), workItems);
    }
}
