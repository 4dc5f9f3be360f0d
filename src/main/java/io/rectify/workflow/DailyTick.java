package io.rectify.workflow;

import java.time.Instant;

/**
 * Published once a day, at midnight in the business time zone by the engine's clock, by an engine
 * job that any node may take and exactly one runs: for the sweeps that have no case to hang a
 * timer on (a report not in by its deadline). A listener runs in the job's transaction; what it
 * does must be idempotent, since a failed run is retried. Under the clock control, a move of the
 * clock past midnight followed by {@code POST /api/admin/jobs/run-due} runs it.
 */
public record DailyTick(Instant now) {
}
