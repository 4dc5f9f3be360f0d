package io.rectify.monitoring.internal.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.rectify.monitoring.Indicator;

/**
 * The marks every government homepage carries (政府网站发展指引): its 网站标识码, the ICP 备案号,
 * the 公安机关备案号, the 党政机关网站标识 (the conac.cn badge) and the 我为政府网站找错 entrance
 * (the national error-report platform). Fails when any is missing, naming them.
 */
public class IdentityMarks {

    private static final Pattern SITE_CODE = Pattern.compile("网站标识码\\s*[:：]?\\s*[A-Za-z0-9]{10}");
    private static final Pattern ICP = Pattern.compile("ICP\\s*备\\s*[0-9]{5,}", Pattern.CASE_INSENSITIVE);
    private static final Pattern PSB = Pattern.compile("公网安备\\s*[0-9]{10,}");

    public Verdict judge(Page homepage, String registeredSiteCode) {
        if (!homepage.readable()) {
            return Verdict.inconclusive(Indicator.IDENTITY_MISSING, "首页无法读取：" + homepage.fetched().summary(),
                    List.of(homepage.fetched()));
        }
        String text = homepage.text();
        List<String> missing = new ArrayList<>();
        boolean siteCode = registeredSiteCode != null ? text.contains(registeredSiteCode) : SITE_CODE.matcher(text).find();
        if (!siteCode) {
            missing.add("网站标识码");
        }
        if (!ICP.matcher(text).find()) {
            missing.add("ICP备案号");
        }
        if (!PSB.matcher(text).find()) {
            missing.add("公安机关备案号");
        }
        if (!homepage.mentions("conac.cn", "党政机关网站标识", "党政机关")) {
            missing.add("党政机关网站标识");
        }
        if (!homepage.mentions("zfwzzc.www.gov.cn", "我为政府网站找错")) {
            missing.add("我为政府网站找错");
        }
        return Verdict.judged(Indicator.IDENTITY_MISSING, missing.size(), 1, "marks",
                missing.isEmpty() ? "标识：五项齐全"
                        : "标识：缺少 " + missing.size() + " 项：" + String.join("、", missing),
                List.of(homepage.fetched()));
    }
}
