package io.rectify.document;

import java.util.List;
import java.util.Map;

import io.rectify.document.DocumentModels.CaseFile;
import io.rectify.document.DocumentModels.EvidenceLine;
import io.rectify.document.DocumentModels.FileAudit;
import io.rectify.document.DocumentModels.FileDocument;
import io.rectify.document.DocumentModels.FileEvidence;
import io.rectify.document.DocumentModels.FileRecord;
import io.rectify.document.DocumentModels.Letter;
import io.rectify.document.DocumentModels.OrderBody;
import io.rectify.document.DocumentModels.ReferralBody;
import io.rectify.document.DocumentModels.ReplyBody;
import io.rectify.document.DocumentModels.ReplyLine;
import io.rectify.document.DocumentModels.ReplySanction;
import io.rectify.document.DocumentModels.SanctionBody;
import io.rectify.document.DocumentModels.SanctionLine;
import io.rectify.document.DocumentModels.UrgeBody;
import io.rectify.document.DocumentModels.TongbaoBody;
import io.rectify.document.DocumentModels.TongbaoFailing;
import io.rectify.document.DocumentModels.TongbaoRow;
import io.rectify.document.DocumentModels.TongbaoSite;
import io.rectify.document.DocumentModels.VerificationBody;

/**
 * A model for every template, rendered once at start-up so that a template that does not parse or
 * reads a field its model lacks stops the application there, not at the first order.
 */
final class DocumentSamples {

    static final String CASE_FILE_TEMPLATE = "case-file";
    private static final String ISSUER = "江西省人民政府办公厅";
    private static final List<EvidenceLine> EVIDENCE = List.of(
            new EvidenceLine("首页截图.png", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));

    private DocumentSamples() {
    }

    static Map<String, Object> of(DocumentKind kind) {
        Letter doc = new Letter(kind, DocumentText.number("赣府办整改〔2026〕12号", kind, 1), "关于责令江西省教育厅限期整改首页长期未更新问题的通知", ISSUER,
                DocumentText.markSize(ISSUER), "江西省教育厅", DocumentText.date(java.time.LocalDate.of(2026, 12, 5)), null);
        return switch (kind) {
            case ORDER -> Map.of("doc", doc, "evidence", EVIDENCE, "order", new OrderBody("首页长期未更新", "https://www.jxedu.gov.cn",
                    "首页超过2周未更新。", "第三十三条第（四）项", "不及时做好信息发布工作", "不及时做好……信息发布工作",
                    List.of("立即更新首页。"), "2026年12月26日", 15, "更新后的网址。"));
            case URGING -> Map.of("doc", doc, "urge", new UrgeBody(ISSUER, "关于责令限期整改的通知", "赣府办整改〔2026〕12号",
                    "首页长期未更新", "2026年12月26日", List.of("请抓紧整改。"), false));
            case REFERRAL -> Map.of("doc", doc, "evidence", EVIDENCE, "referral", new ReferralBody("江西省教育厅", "首页长期未更新",
                    "赣府办整改〔2026〕12号", "不及时做好信息发布工作", "逾期未提交整改报告", "首页超过2周未更新。",
                    List.of("2026年12月5日，下达整改通知。")));
            case VERIFICATION -> Map.of("doc", doc, "verification", new VerificationBody("首页长期未更新", "赣府办整改〔2026〕12号",
                    false, "2026年12月26日", List.of("栏目仍未更新。")));
            case SANCTION_RECORD -> Map.of("doc", doc, "record", new SanctionBody("首页长期未更新", "赣府办整改〔2026〕12号",
                    "江西省教育厅", List.of(new SanctionLine("张＊", "主任", "江西省教育厅", "直接负责的主管人员", "警告",
                    "赣监〔2026〕1号", "2026年12月5日", "2027年6月5日"))));
            case TONGBAO -> Map.of("doc", doc, "tongbao", new TongbaoBody("2026年第四季度政府网站抽查", "2026年10月1日至2026年12月31日",
                    "江西省", "2019", 552, 166, 165, 160, 5, 1, "96.97%",
                    List.of(new TongbaoRow("南昌市", "部门网站", 20, 19, "95.00%")),
                    List.of(new TongbaoFailing("一", "江西省教育厅网站", "https://www.jxedu.gov.cn", "江西省教育厅", "单项否决",
                            List.of("首页不更新（首页最后更新于2026年9月1日）"))),
                    "2026年12月26日", 15,
                    List.of(new TongbaoSite(1, "江西省教育厅网站", "江西省教育厅", "—", "是", "不合格"))));
            case CIRCULAR_REPLY -> Map.of("doc", doc, "reply", new ReplyBody("国务院办公厅", "国办函〔2026〕30号", "2026年11月2日",
                    "2026年12月31日", 1, 1,
                    List.of(new ReplyLine(1, "江西省教育厅网站", "江西省教育厅", "首页长期不更新", "案件编号赣府办整改〔2026〕12号",
                            "已整改，2026年12月5日办结")),
                    List.of(new ReplySanction("赣府办整改〔2026〕12号", "张＊", "主任", "江西省教育厅", "直接负责的主管人员", "警告",
                            "赣监〔2026〕1号", "2026年12月5日"))));
        };
    }

    static Map<String, Object> caseFile() {
        return Map.of("file", new CaseFile("赣府办整改〔2026〕12号", "首页长期未更新", "不及时做好信息发布工作", "江西省教育厅",
                ISSUER, "2026年12月1日", "整改中", "", "2026年12月5日 10:00",
                List.of(new FileDocument("赣府办整改〔2026〕12号", "关于责令限期整改的通知", "0".repeat(64), 6)),
                List.of(new FileRecord("2026年12月1日 09:00", "立案", "jx.office", "首页长期未更新")),
                List.of(new FileEvidence("首页截图.png", 1024, "jx.office 2026年12月1日", "0".repeat(64))),
                List.of(new FileAudit(1L, "2026年12月1日 09:00", "jx.office", "立案", ""))));
    }

    static Map<String, Object> annualReport() {
        Publications.Table regions = new Publications.Table(List.of("地区", "立案数", "按期整改率"),
                List.of(List.of("江西省（省本级）", "12", "91.7%"), List.of("南昌市", "30", "—")));
        return Publications.variables(ISSUER, java.time.LocalDate.of(2027, 1, 5), new Publications.AnnualReportBody(2026,
                "江西省", java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 12, 31),
                new Publications.Table(List.of("指标", "数值"), List.of(List.of("立案数", "42"))), regions,
                new Publications.Table(List.of("月份", "立案数", "按期整改率"), List.of(List.of("2026-01", "3", "100.0%"))),
                new Publications.Table(List.of("类别代码", "类别", "立案数"),
                        List.of(List.of("A33-01", "未经备案违规建设政府网站", "42"))),
                new Publications.Table(List.of("地区", "监测网站数", "抽查合格率", "找错按期办结率"),
                        List.of(List.of("合计", "40", "90.0%", "100.0%"))),
                new Publications.Table(List.of("监测指标", "已判定网站", "达标网站", "达标率"),
                        List.of(List.of("站点无法访问", "40", "39", "97.5%")))));
    }

    static Map<String, Object> ranking() {
        return Publications.variables(ISSUER, java.time.LocalDate.of(2027, 1, 5), new Publications.RankingBody(2026, 3,
                "每项得分 0 至 100（越高越好），综合得分为各项得分按权重的加权平均。",
                new Publications.Table(List.of("指标", "权重", "计算方法"), List.of(List.of("按期整改", "40", "按期整改率 × 100"))),
                new Publications.Table(List.of("名次", "单位", "按期整改", "综合得分"),
                        List.of(List.of("1", "江西省教育厅", "100.0", "100.0")))));
    }
}
