package io.rectify.workflow.internal;

import static io.rectify.process.PublicReportVariables.OFFICE_GROUPS;
import static io.rectify.process.PublicReportVariables.REPORT_ID;

import io.rectify.process.Routing;
import io.rectify.publicreport.PublicReportReceived;
import io.rectify.publicreport.PublicReports;
import io.rectify.workflow.PublicReportProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The engine's side of public error reports: a stored report starts its process in the same
 * transaction (business key: the report's id), and the process's timers call the report's
 * reminder and overdue mark. The bean names are the delegate expressions of bpmn/public-report.bpmn.
 */
@Configuration(proxyBeanMethods = false)
class PublicReportFlow {

    private final RuntimeService runtime;

    PublicReportFlow(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(PublicReportReceived received) {
        runtime.startProcessInstanceByKey(PublicReportProcess.KEY, received.reportId(),
                Routing.of(REPORT_ID, received.reportId()).with(OFFICE_GROUPS, received.officeGroup()).asMap());
    }

    /** 09:00 of the last working day: the body is reminded, once. */
    @Bean
    static JavaDelegate remindPublicReport(PublicReports reports) {
        return execution -> reports.remind(REPORT_ID.from(execution::getVariable));
    }

    /** 24:00 of the last working day without a reply: the overdue mark the figures count. */
    @Bean
    static JavaDelegate markPublicReportOverdue(PublicReports reports) {
        return execution -> reports.markOverdue(REPORT_ID.from(execution::getVariable));
    }
}
