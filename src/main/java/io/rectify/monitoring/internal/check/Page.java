package io.rectify.monitoring.internal.check;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

import io.rectify.monitoring.internal.http.Fetched;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A fetched page parsed once for the checks: its text, its links, its item titles. */
public final class Page {

    private final Fetched fetched;
    private final Document document;

    private Page(Fetched fetched, Document document) {
        this.fetched = fetched;
        this.document = document;
    }

    public static Page of(Fetched fetched) {
        String base = fetched.finalUrl() == null ? "" : fetched.finalUrl().toString();
        return new Page(fetched, Jsoup.parse(fetched.text(), base));
    }

    public Fetched fetched() {
        return fetched;
    }

    public boolean readable() {
        return fetched.ok();
    }

    public String text() {
        return document.text();
    }

    /** the parsed page, for the checks that read its structure (a table's columns, a list's items) */
    Document document() {
        return document;
    }

    public String html() {
        return document.outerHtml();
    }

    /** Links to pages of the same host, absolute, without fragments, in page order, each once. */
    public List<String> sameSiteLinks() {
        Set<String> links = new LinkedHashSet<>();
        String host = fetched.finalUrl() == null ? null : fetched.finalUrl().getHost();
        for (Element a : document.select("a[href]")) {
            String href = a.absUrl("href");
            if (href.isEmpty()) {
                continue;
            }
            try {
                URI uri = URI.create(href.replace(" ", "%20"));
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && host != null && host.equalsIgnoreCase(uri.getHost())) {
                    String noFragment = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
                    links.add(noFragment);
                }
            } catch (IllegalArgumentException malformed) {
                // a link the browser could not follow either; the broken-link check does not guess
            }
        }
        return new ArrayList<>(links);
    }

    /** The hosts the page links to over http(s), lower case, each with its first link, in page order. */
    public Map<String, String> linkedHosts() {
        Map<String, String> hosts = new LinkedHashMap<>();
        for (Element a : document.select("a[href]")) {
            String href = a.absUrl("href");
            try {
                URI uri = URI.create(href.replace(" ", "%20"));
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    hosts.putIfAbsent(uri.getHost().toLowerCase(Locale.ROOT), href);
                }
            } catch (IllegalArgumentException malformed) {
                // not a link anyone could follow, nor a site anyone could reach through it
            }
        }
        return hosts;
    }

    /** The titles of the page's listed items: link texts long enough to be headlines. */
    public List<String> itemTitles() {
        List<String> titles = new ArrayList<>();
        for (Element a : document.select("a[href]")) {
            String title = a.text().strip();
            if (title.codePointCount(0, title.length()) >= 8) {
                titles.add(title);
            }
        }
        return titles;
    }

    /** Whether any link or image points at a host or path containing this text, or its text or alt says so. */
    public boolean mentions(String... needles) {
        String html = document.outerHtml();
        for (String needle : needles) {
            if (html.contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
