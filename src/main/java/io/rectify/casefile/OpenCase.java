package io.rectify.casefile;

/** What a supervisor says when opening a case (POST /api/cases). */
public record OpenCase(String categoryCode, String respondentOrgCode, String title, String description,
                       String websiteUrl, CaseSource source, boolean serious, String seriousReason) {
}
