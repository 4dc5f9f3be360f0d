package io.rectify.monitoring;

/**
 * A check failed; published in the transaction that stored the result, every time it fails. The
 * findings listen and keep one open finding per site and indicator, so a failure seen again adds
 * nothing.
 */
public record CheckFailed(CheckResult result) {
}
