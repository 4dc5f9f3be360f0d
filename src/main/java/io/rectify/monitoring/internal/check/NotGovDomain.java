package io.rectify.monitoring.internal.check;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.rectify.monitoring.Indicator;

/**
 * Government sites use the .gov.cn domain (政府网站发展指引); a site elsewhere fails. An address
 * given as an IP or a local name (a demo or test site) is not judged.
 */
public class NotGovDomain {

    public Verdict judge(URI homepage) {
        String host = homepage.getHost() == null ? "" : homepage.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost") || host.matches("[0-9.]+") || host.contains(":")
                || host.endsWith(".test")) {
            return Verdict.inconclusive(Indicator.NOT_GOV_DOMAIN, "域名：" + host + " 是本地地址，不是域名", List.of());
        }
        if (host.equals("gov.cn") || host.endsWith(".gov.cn") || host.endsWith(".政务")) {
            return Verdict.pass(Indicator.NOT_GOV_DOMAIN, "域名：" + host + " 在 .gov.cn 下", null, List.of());
        }
        return Verdict.fail(Indicator.NOT_GOV_DOMAIN, "域名：" + host + " 不在 .gov.cn 下", null, List.of());
    }
}
