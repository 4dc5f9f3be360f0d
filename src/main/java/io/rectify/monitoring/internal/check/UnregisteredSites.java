package io.rectify.monitoring.internal.check;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import io.rectify.monitoring.Indicator;

/**
 * 未登记网站: a government site a registered portal links to that is not in the registry (a site
 * built without filing, A33-01). Read from the portal's homepage: every linked host under the
 * portal's own government domain (www.jiangxi.gov.cn → jiangxi.gov.cn) that is no registered
 * site's host. Links to other governments' sites (www.gov.cn, another province's) are not this
 * registry's to judge. The portal is the site of an office (a government's general office runs its
 * portal and links the departments' sites); a portal not under {@code .gov.cn} has no government
 * domain to read ({@link #judges}).
 */
public class UnregisteredSites {

    private static final String GOV = "gov.cn";

    /** Whether this portal has a government domain whose links can be judged. */
    public static boolean judges(URI portal) {
        return portal.getHost() != null && domain(portal.getHost()).endsWith("." + GOV);
    }

    /** {@code registered} says whether a host is the host of a registered website, active or not. */
    public Verdict judge(Page homepage, URI portal, Predicate<String> registered) {
        if (!homepage.readable()) {
            return Verdict.inconclusive(Indicator.UNREGISTERED_SITE, "portal homepage not read: " + homepage.fetched().summary(),
                    List.of(homepage.fetched()));
        }
        String domain = domain(portal.getHost());
        List<String> linked = homepage.linkedHosts().stream()
                .filter(host -> host.equals(domain) || host.endsWith("." + domain)).toList();
        List<String> unregistered = linked.stream().filter(registered.negate()).toList();
        return Verdict.judged(Indicator.UNREGISTERED_SITE, unregistered.size(), 1, "sites",
                "unregistered sites: " + unregistered.size() + " of " + linked.size() + " linked sites under " + domain
                        + (unregistered.isEmpty() ? "" : ": " + String.join(", ", unregistered.subList(0, Math.min(10, unregistered.size())))),
                List.of(homepage.fetched()));
    }

    /** the portal's host without its first label when that leaves more than gov.cn: www.jiangxi.gov.cn → jiangxi.gov.cn */
    static String domain(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        int dot = lower.indexOf('.');
        String parent = dot < 0 ? lower : lower.substring(dot + 1);
        return parent.endsWith("." + GOV) ? parent : lower;
    }
}
