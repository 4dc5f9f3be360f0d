package io.rectify.document;

/**
 * The official documents of a case (API.md "Documents") the 通报 of a campaign and the reply to a 通报 from above, each with its template under
 * {@code src/main/resources/documents/} and the 机关代字 its number carries.
 */
public enum DocumentKind {
    /** 责令整改通知书: issued when the order is */
    ORDER("order", "整改"),
    /** 催办通知 */
    URGING("urging", "催办"),
    /** 移送函: to the supervision authority when the case escalates */
    REFERRAL("referral", "移送"),
    /** 整改核查意见: the office's verdict on a report */
    VERIFICATION("verification", "核查"),
    /** 处分情况登记表: the sanctions recorded, names masked */
    SANCTION_RECORD("sanction-record", "处分登记"),
    /** 通报: a spot-check campaign's results, issued once by the office that ran it; not a case's document */
    TONGBAO("tongbao", "通报"),
    /** 整改情况报告: an office's reply to a 通报 from above, issued once by the office that imported it; not a case's document */
    CIRCULAR_REPLY("circular-reply", "报");

    private final String template;
    private final String code;

    DocumentKind(String template, String code) {
        this.template = template;
        this.code = code;
    }

    /** the template's name under {@code documents/} */
    public String template() {
        return template;
    }

    /** what replaces 整改 in the case's number to make this document's number */
    String code() {
        return code;
    }
}
