package io.rectify.monitoring;

import java.util.Collection;
import java.util.Optional;

/**
 * The responses a decision rests on. Raw probes are forgotten after their retention; those a
 * finding was judged on are kept, with their bodies, for as long as the case they may become, so
 * that a department can be shown the very bytes the check saw.
 */
public interface EvidenceArchive {

    /** Keeps these probes and their bodies beyond the raw probes' retention. */
    void keep(Collection<Long> probeIds);

    /** The body of a probe as it was received, when one was stored. */
    Optional<Body> body(long probeId);

    /**
     * A stored body.
     *
     * @param contentType the type the site declared, or null; to name the file, never to serve the bytes as
     * @param truncated   whether the body was cut at the size cap
     */
    record Body(long probeId, String sha256, byte[] content, String contentType, boolean truncated) {
    }
}
