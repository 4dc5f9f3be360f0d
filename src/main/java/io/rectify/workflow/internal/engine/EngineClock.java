package io.rectify.workflow.internal.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's clock is the engine's clock: setting one (clock control, tests) sets both,
 * so deadlines computed by the application and timers fired by the engine never disagree. The
 * engine offers its clock only through {@code ClockUtil}, so this is the one class that touches it.
 */
public final class EngineClock extends Clock {

    private final ZoneId zone;

    private EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    public static EngineClock utc() {
        return new EngineClock(ZoneOffset.UTC);
    }

    /** Stops the clock, the engine's included, at {@code now}. */
    public static void set(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
    }

    /** Back to real time. */
    public static void reset() {
        ClockUtil.reset();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new EngineClock(other);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
