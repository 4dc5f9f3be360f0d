package io.rectify.monitoring;

/**
 * What a check looks at, named as the 2019 national indicators name the ways a site fails. The
 * category a failure belongs to is not decided here: {@code bpmn/finding-category.dmn} maps an
 * indicator to a category, so the office can change it. Most are judged by the monitoring; the
 * last few only by an inspector, whose failed checklist item names them so that it becomes a
 * finding of its category like any other.
 */
public enum Indicator {
    /** ≥ 5% of the probes of a rolling week failed (15 s each, ≥ 20 a day). */
    UNREACHABLE,
    /** The homepage has shown nothing new for two weeks. */
    HOMEPAGE_STALE,
    /** Five or more watched columns are not kept up (news two weeks, notices and policies six months). */
    COLUMNS_STALE,
    /** Five or more watched columns hold nothing. */
    BLANK_COLUMNS,
    /** Links of the site's own pages that lead nowhere. */
    BROKEN_LINKS,
    /** The homepage lacks its site code, ICP or public-security filing number, the party-and-government mark or the error-report entrance. */
    IDENTITY_MISSING,
    /** The certificate has expired, expires within 14 days or names another host. */
    TLS,
    /** No working interaction channel, or messages left unanswered for three months. */
    INTERACTION_UNANSWERED,
    /** A registered portal links to a government site that is not in the registry. */
    UNREGISTERED_SITE,
    /** The site is not on a .gov.cn domain. */
    NOT_GOV_DOMAIN,
    /** A security incident or a leak of secrets (安全、泄密事故). Judged by inspectors. */
    SECURITY_INCIDENT(false),
    /** The online services cannot be used for what they offer (服务不实用). Judged by inspectors. */
    SERVICE_UNUSABLE(false),
    /** A policy-documents column not updated for six months (政策文件类栏目不更新). Judged by inspectors. */
    POLICY_STALE(false),
    /** The service statistics not updated for three months (办事统计数据不更新). Judged by inspectors. */
    SERVICE_STATS_STALE(false),
    /** Replies to messages not published for two months (留言答复不更新). Judged by inspectors. */
    REPLY_STALE(false);

    private final boolean probed;

    Indicator() {
        this(true);
    }

    Indicator(boolean probed) {
        this.probed = probed;
    }

    /** Whether the monitoring judges it (and can judge it again before a case closes); the others only inspectors do. */
    public boolean probed() {
        return probed;
    }
}
