package io.rectify.monitoring.internal.http;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Instant;

/**
 * One fetch as it was seen: the address asked for, where the redirects ended, the status (null
 * when no response came, with the reason in {@code error}), the headers as text, the body up to
 * the cap ({@code truncated} when there was more) and how long it took.
 */
public record Fetched(URI url, URI finalUrl, Integer status, String headers, byte[] body, boolean truncated,
                      Charset charset, Instant fetchedAt, long elapsedMs, String error) {

    public boolean ok() {
        return status != null && status >= 200 && status < 400 && error == null;
    }

    /** The body as text in its declared (or sniffed) charset. */
    public String text() {
        return body == null ? "" : new String(body, charset);
    }

    /** A one-line account for a check's detail: "HTTP 200，312 毫秒" or "无响应：connect timed out". */
    public String summary() {
        if (status == null) {
            return "无响应：" + error;
        }
        return "HTTP " + status + "，" + elapsedMs + " 毫秒" + (error == null ? "" : "（" + error + "）");
    }
}
