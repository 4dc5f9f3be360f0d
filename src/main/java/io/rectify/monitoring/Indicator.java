package io.rectify.monitoring;

/**
 * What a check looks at, named as the 2019 national indicators name the ways a site fails. The
 * category a failure belongs to is not decided here: {@code bpmn/finding-category.dmn} maps an
 * indicator to a category, so the office can change it.
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
    NOT_GOV_DOMAIN
}
