package io.rectify.api;

import java.util.HashMap;
import java.util.Map;

/** A valid respond form for each category: the report plus the evidence its form requires. */
public final class ResponseValues {

    private ResponseValues() {
    }

    public static Map<String, Object> of(String category) {
        Map<String, Object> values = new HashMap<>();
        values.put("report", "已按要求完成整改。");
        switch (category) {
            case "A33-01" -> {
                values.put("resolution", "FILED");
                values.put("filingNumber", "赣ICP备12345678号");
            }
            case "A33-02" -> values.put("filingNumber", "赣ICP备12345678号");
            case "A33-03", "A33-04" -> values.put("publishedUrls", "https://www.example.gov.cn/xxgk/2026/1.html");
            case "A33-05" -> values.put("restoredUrls", "https://www.example.gov.cn/hdjl/");
            case "A33-06" -> {
                values.put("evaluationReportNumber", "CPT-2026-001");
                values.put("evaluationAgency", "江西省软件评测中心");
                values.put("licenceProof", "正版软件采购合同 2026-01");
            }
            case "A33-07" -> {
                values.put("removalTime", "2026-03-02T10:00");
                values.put("removedUrls", "https://www.example.gov.cn/news/bad.html");
            }
            case "A33-08" -> {
                values.put("correctedUrls", "https://www.example.gov.cn/fw/");
                values.put("chargingStoppedDate", "2026-03-01");
                values.put("refundedAmount", 1200.50);
                values.put("refundedCount", 12);
            }
            case "A34-02" -> {
                values.put("inspectionReportNumber", "NC-JC-2026-01");
                values.put("inspectionReportDate", "2026-03-01");
            }
            default -> { }
        }
        return values;
    }
}
