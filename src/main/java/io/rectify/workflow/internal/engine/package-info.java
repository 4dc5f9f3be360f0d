/**
 * The one place that touches the engine's internals ({@code org.camunda..impl}, shaded
 * {@code camundajar}), and only through its documented extension points: process engine plugins,
 * a parse listener, a custom job handler, a history event handler and the engine's own
 * configuration. Everything else in the product uses the engine's public API
 * ({@code ModularityTests} checks it), so an engine release or a fork that changes these internals
 * breaks this package and nothing else.
 *
 * <ul>
 *   <li>{@link io.rectify.workflow.internal.engine.EngineClock}: the application's clock is the
 *       engine's ({@code ClockUtil}).</li>
 *   <li>{@link io.rectify.workflow.internal.engine.UserTaskListeners}: a plugin whose parse listener
 *       puts a built-in task listener on every user task of the product's processes (the
 *       {@code work_item} table), and the form key as the engine evaluates it.</li>
 *   <li>{@link io.rectify.workflow.internal.engine.NotificationDeliveryJob}: a notification's delivery
 *       as a job of its own (the outbox's relay), with the engine's retries.</li>
 *   <li>{@link io.rectify.workflow.internal.engine.JobExecutorHint}: wakes the job executor when an
 *       administrator's retry makes a job due.</li>
 * </ul>
 */
package io.rectify.workflow.internal.engine;
