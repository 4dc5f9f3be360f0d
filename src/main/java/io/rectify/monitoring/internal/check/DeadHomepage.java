package io.rectify.monitoring.internal.check;

import java.util.List;
import java.util.Optional;

import io.rectify.directory.WatchedColumn;
import io.rectify.monitoring.Indicator;
import io.rectify.monitoring.internal.http.Fetched;

/**
 * A run whose homepage got no answer at all ({@link Fetched#noAnswer()}: no address for the name,
 * the connection refused or timed out, nothing before the read timeout). The site is down for
 * this run, so its columns, their links and its certificate are not asked for: on a dead site
 * each would wait out its own timeout, and a daily run would hold a scheduler thread for a minute
 * and a half. The checks that judge them are inconclusive, with the homepage's request as their
 * evidence: nothing was seen of the columns, which is neither a pass nor a failure, and the site
 * being down is the reachability check's to report.
 *
 * <p>A homepage that answered, even 404 or 503 or with a TLS failure, comes from a server that is
 * there: its columns are read as usual.
 */
public final class DeadHomepage {

    private final Fetched homepage;
    private final List<WatchedColumn> columns;

    private DeadHomepage(Fetched homepage, List<WatchedColumn> columns) {
        this.homepage = homepage;
        this.columns = List.copyOf(columns);
    }

    /** Present when the homepage got no answer; {@code columns} are the site's watched columns, not read. */
    public static Optional<DeadHomepage> of(Page homepage, List<WatchedColumn> columns) {
        return homepage.fetched().noAnswer() ? Optional.of(new DeadHomepage(homepage.fetched(), columns)) : Optional.empty();
    }

    /** The verdict of a check that judges the columns or the links of the homepage and columns. */
    public Verdict notRead(Indicator indicator) {
        String what = columns.isEmpty() ? "其链接" : " " + columns.size() + " 个栏目（"
                + String.join("、", columns.stream().map(WatchedColumn::name).toList()) + "）及其链接";
        return Verdict.inconclusive(indicator, "首页无响应（" + homepage.error() + "），本次未读取" + what, List.of(homepage));
    }

    /** The verdict of the certificate of a https site: no handshake is tried with a host that did not answer. */
    public Verdict certificateNotAsked() {
        return Verdict.inconclusive(Indicator.TLS, "证书：首页无响应（" + homepage.error() + "），本次未查看证书", List.of(homepage));
    }
}
