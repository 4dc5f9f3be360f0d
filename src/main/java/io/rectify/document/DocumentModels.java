package io.rectify.document;

import java.util.List;

/** The view models of the document templates: what each template reads, nothing it computes. */
final class DocumentModels {

    private DocumentModels() {
    }

    /**
     * What every document has: its 版头, 主送机关 and 落款. {@code seal} is the issuer's seal as a data URI,
     * null when the body has none configured.
     */
    record Letter(DocumentKind kind, String number, String title, String issuerName, String markSize, String addressee,
                  String date, String seal) {
        /** the title broken into the lines its template prints */
        public List<String> titleLines() {
            return DocumentText.titleLines(title);
        }
    }

    /** An evidence file in the 附件说明. */
    record EvidenceLine(String name, String sha256) {
    }

    record OrderBody(String caseTitle, String website, String description, String article, String categoryName,
                     String legalText, List<String> requirements, String deadline, int periodWorkingDays,
                     String reportMustShow) {
    }

    record UrgeBody(String orderIssuer, String orderTitle, String caseNumber, String caseTitle, String deadline,
                    List<String> message, boolean overdue) {
    }

    record ReferralBody(String respondent, String caseTitle, String caseNumber, String categoryName, String reason,
                        String description, List<String> timeline) {
    }

    record VerificationBody(String caseTitle, String caseNumber, boolean accepted, String deadline, List<String> comment) {
    }

    record SanctionBody(String caseTitle, String caseNumber, String respondent, List<SanctionLine> lines) {
    }

    record SanctionLine(String name, String post, String body, String responsibility, String type,
                        String decisionNumber, String decisionDate, String periodEnds) {
    }

    /**
     * A campaign's 通报: its numbers as the results page shows them, the failing sites with their
     * defects, when the written reports are due, and every sampled site for the 附件.
     */
    record TongbaoBody(String campaignName, String period, String regionName, String checklistVersion, int population,
                       int sampled, int checked, int qualified, int failed, int pending, String rate,
                       List<TongbaoRow> strata, List<TongbaoFailing> failing, String reportsDue, int reportWorkingDays,
                       List<TongbaoSite> sites) {
    }

    record TongbaoRow(String region, String level, int checked, int qualified, String rate) {
    }

    record TongbaoFailing(String ordinal, String site, String url, String body, String verdict, List<String> defects) {
    }

    record TongbaoSite(int n, String site, String body, String score, String veto, String verdict) {
    }

    /**
     * The reply to a 通报 from above: 整改情况 (every line the 通报 named, with its case and where it
     * stands) and 问责情况 (every sanction recorded on those cases: whom, and what was done).
     */
    record ReplyBody(String issuer, String circularNumber, String circularDate, String replyDue, int lines, int done,
                     List<ReplyLine> rectification, List<ReplySanction> accountability) {
    }

    record ReplyLine(int n, String site, String body, String defect, String caseNumber, String outcome) {
    }

    record ReplySanction(String caseNumber, String name, String post, String body, String responsibility, String type,
                         String decisionNumber, String decisionDate) {
    }

    /** The case file's own pages; the documents follow them as issued. */
    record CaseFile(String caseNumber, String caseTitle, String categoryName, String respondent, String opener,
                    String openedOn, String status, String closedOn, String madeAt, List<FileDocument> documents,
                    List<FileRecord> records, List<FileEvidence> evidence, List<FileAudit> audit) {
    }

    record FileDocument(String number, String title, String sha256, int firstPage) {
    }

    record FileRecord(String when, String what, String who, String text) {
    }

    record FileEvidence(String name, long size, String uploaded, String sha256) {
    }

    record FileAudit(Long sequence, String when, String actor, String action, String detail) {
    }
}
