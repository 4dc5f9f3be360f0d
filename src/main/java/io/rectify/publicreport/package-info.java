/**
 * Public error reports (我为政府网站找错): the messages citizens send about errors on registered
 * government websites, from the product's public page or forwarded by the national platform; their
 * triage by the office, the site body's reply within three working days, and the figures the annual
 * assessment counts (办结率, 按期办结率). The handling runs as bpmn/public-report.bpmn in the workflow
 * module; this module owns the row and does each step ({@link io.rectify.publicreport.PublicReportTaskHandlers}).
 */
package io.rectify.publicreport;
