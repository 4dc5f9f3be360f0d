package io.rectify.publicreport;

/** Where a public error report stands; what the public lookup shows. */
public enum ReportStatus {
    /** waiting for the office's triage */
    RECEIVED,
    /** with the site's body, which replies within three working days */
    FORWARDED,
    /** the body replied; the office reviews the reply */
    REPLIED,
    /** the office accepted the reply */
    DONE,
    /** the office found no error */
    REJECTED,
    /** the office found it the same as an earlier message */
    DUPLICATE
}
