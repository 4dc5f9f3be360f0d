package io.rectify.monitoring.internal.check;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.rectify.monitoring.Indicator;

/**
 * A government site opened without approval (未经审批擅自开设, A33-01) shows where its government's
 * portal links to it. The links of a portal to hosts under the portal's own government domain —
 * www.jiangxi.gov.cn linking to tax.jiangxi.gov.cn — lead to sites of that government, and each
 * must be in the registry. Links elsewhere (中国政府网, another province) are other registries'
 * business and not judged; neither is a portal without a .gov.cn name (a demo or test address).
 */
public class UnregisteredSites {

    /** How many unregistered sites are named in the detail; the count is always whole. */
    private static final int NAMED = 10;

    /** The government domain of a portal: its host without a leading "www.", when that is under .gov.cn. */
    public static Optional<String> domainOf(URI homepage) {
        String host = homepage.getHost() == null ? "" : bare(homepage.getHost());
        return host.endsWith(".gov.cn") ? Optional.of(host) : Optional.empty();
    }

    /** A host as the registry compares it: lower case, "www." or not alike. */
    public static String bare(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("www.") ? lower.substring(4) : lower;
    }

    /**
     * @param homepage        the portal's homepage as fetched
     * @param domain          the portal's government domain ({@link #domainOf})
     * @param registeredHosts the hosts of the registered sites, {@link #bare}
     */
    public Verdict judge(Page homepage, String domain, Set<String> registeredHosts) {
        if (!homepage.readable()) {
            return Verdict.inconclusive(Indicator.UNREGISTERED_SITE,
                    "门户链接：首页无法读取：" + homepage.fetched().summary(), List.of(homepage.fetched()));
        }
        List<String> unregistered = new ArrayList<>();
        for (Map.Entry<String, String> linked : homepage.linkedHosts().entrySet()) {
            String host = bare(linked.getKey());
            if (host.endsWith("." + domain) && !registeredHosts.contains(host)) {
                unregistered.add(linked.getKey() + "（" + linked.getValue() + "）");
            }
        }
        Verdict.Veto veto = Verdict.Veto.of(unregistered.size(), 1, "sites");
        if (unregistered.isEmpty()) {
            return Verdict.pass(Indicator.UNREGISTERED_SITE,
                    "门户链接：首页链接的 " + domain + " 下的网站均已登记", veto, List.of());
        }
        String named = String.join("、", unregistered.subList(0, Math.min(NAMED, unregistered.size())))
                + (unregistered.size() > NAMED ? "……" : "");
        return Verdict.fail(Indicator.UNREGISTERED_SITE, "门户链接：首页链接的 " + domain + " 下有 " + unregistered.size()
                + " 个网站未登记：" + named, veto, List.of(homepage.fetched()));
    }
}
