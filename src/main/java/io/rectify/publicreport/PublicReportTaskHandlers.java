package io.rectify.publicreport;

import io.rectify.process.PublicReportTasks;
import io.rectify.process.TaskHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of bpmn/public-report.bpmn that change a report, by task key. The handler's first
 * argument is the process's business key: here the report's id.
 */
@Configuration(proxyBeanMethods = false)
class PublicReportTaskHandlers {

    @Bean
    TaskHandler triageReportHandler(PublicReports reports) {
        return new TaskHandler(PublicReportTasks.TRIAGE, reports::triage);
    }

    @Bean
    TaskHandler replyToReportHandler(PublicReports reports) {
        return new TaskHandler(PublicReportTasks.REPLY, reports::reply);
    }

    @Bean
    TaskHandler reviewReplyHandler(PublicReports reports) {
        return new TaskHandler(PublicReportTasks.REVIEW, reports::review);
    }
}
