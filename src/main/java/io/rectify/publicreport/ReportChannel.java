package io.rectify.publicreport;

/** How a report came in. */
public enum ReportChannel {
    /** forwarded by the national platform (我为政府网站找错) and imported by the office */
    NATIONAL,
    /** typed on the product's own public page */
    PORTAL
}
