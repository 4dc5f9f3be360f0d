package io.rectify.monitoring.internal.http;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Instant;

/**
 * One fetch as it was seen: the address asked for, where the redirects ended, the status (null
 * when no response came, with the reason in {@code error}), the headers as text, the body up to
 * the cap ({@code truncated} when there was more) and how long it took.
 *
 * <p>{@code noAnswer} tells, of a fetch without a status, whether nothing answered at all: the name
 * did not resolve, the connection was refused or could not be made in time, or no response began
 * before the read timeout or the total deadline. A TLS failure, a reply that is not HTTP, a
 * connection dropped by the server, a redirect refused or one too many are answers of a kind (a
 * server was there), and an address refused by the policy was never asked: none of them is
 * {@code noAnswer}. A fetch with a status, whatever the status, is an answer.
 */
public record Fetched(URI url, URI finalUrl, Integer status, String headers, byte[] body, boolean truncated,
                      Charset charset, Instant fetchedAt, long elapsedMs, String error, boolean noAnswer) {

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
