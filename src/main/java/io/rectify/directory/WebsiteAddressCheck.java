package io.rectify.directory;

import java.util.Optional;

/**
 * Whether an address typed for a website may be fetched at all (the monitoring's rules: only
 * http/https, and outside the default profile no loopback, private or link-local address). The
 * directory asks before it saves; the monitoring answers.
 */
public interface WebsiteAddressCheck {

    /** Why this URL may not be registered, in Chinese and English; empty when it may. */
    Optional<String> refusal(String url);
}
