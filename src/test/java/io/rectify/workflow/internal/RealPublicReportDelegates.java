package io.rectify.workflow.internal;

import java.util.Map;

import io.rectify.publicreport.PublicReports;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The delegates of bpmn/public-report.bpmn exactly as the application makes them, under their bean names. */
public final class RealPublicReportDelegates {

    private RealPublicReportDelegates() {
    }

    public static Map<String, JavaDelegate> of(PublicReports reports) {
        return Map.of("remindPublicReport", PublicReportFlow.remindPublicReport(reports),
                "markPublicReportOverdue", PublicReportFlow.markPublicReportOverdue(reports));
    }
}
