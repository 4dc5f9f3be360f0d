/**
 * Watching the registered websites by the 2019 national indicators: the checks, their schedule,
 * the responses kept as evidence, and the distance of each site to the veto line. Failures leave
 * the module as {@link io.rectify.monitoring.CheckFailed} events; what becomes of them is the
 * findings' business.
 */
package io.rectify.monitoring;
