package io.rectify.publicreport;

/**
 * A report was stored, in the transaction that stores it: its handling process starts with it.
 *
 * @param officeGroup the candidate group of the office that triages it
 */
public record PublicReportReceived(String reportId, String officeGroup) {
}
