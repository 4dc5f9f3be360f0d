package io.rectify.workflow;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.rectify.audit.AuditLog;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.CaseService;
import io.rectify.directory.Actor;
import io.rectify.directory.Role;
import io.rectify.notification.Notifications;
import io.rectify.kernel.ConflictException;
import io.rectify.kernel.ForbiddenException;
import io.rectify.kernel.NotFoundException;
import io.rectify.workflow.internal.engine.JobExecutorHint;
import io.rectify.workflow.internal.engine.NotificationDeliveryJob;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine's failures, for the system administrator: jobs that failed until no retry was left
 * (each with its incident) and any other incident, with the case they belong to (for a
 * notification's delivery job, the case of the notification). A retry gives the
 * job one more attempt; the job executor runs it at once. Every retry is audited in its transaction.
 */
@Service
@Transactional
public class FailedJobs {

    private final ManagementService management;
    private final RuntimeService runtime;
    private final CaseService cases;
    private final AuditLog audit;
    private final JobExecutorHint jobExecutor;
    private final Notifications notifications;
    private final Clock clock;

    FailedJobs(ManagementService management, RuntimeService runtime, CaseService cases, AuditLog audit,
               JobExecutorHint jobExecutor, Notifications notifications, Clock clock) {
        this.management = management;
        this.runtime = runtime;
        this.cases = cases;
        this.audit = audit;
        this.jobExecutor = jobExecutor;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Failure> list(Actor actor) {
        requireAdmin(actor);
        List<Job> jobs = management.createJobQuery().noRetriesLeft().list();
        List<Incident> incidents = runtime.createIncidentQuery().list();
        Map<String, Incident> incidentOfJob = incidents.stream()
                .filter(i -> i.getConfiguration() != null)
                .collect(Collectors.toMap(Incident::getConfiguration, i -> i, (a, b) -> a));
        Set<String> jobIds = jobs.stream().map(Job::getId).collect(Collectors.toSet());
        Map<String, String> caseIds = caseIdsOf(Stream.concat(jobs.stream().map(Job::getProcessInstanceId),
                incidents.stream().map(Incident::getProcessInstanceId)).filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<String, String> caseOfJob = new HashMap<>();
        for (Job job : jobs) {
            String caseId = job.getProcessInstanceId() != null ? caseIds.get(job.getProcessInstanceId())
                    : caseOfDelivery(job.getId());
            if (caseId != null) {
                caseOfJob.put(job.getId(), caseId);
            }
        }
        Map<String, String> numbers = cases.caseNumbers(Set.copyOf(
                Stream.concat(caseIds.values().stream(), caseOfJob.values().stream()).toList()));
        List<Failure> failures = new ArrayList<>();
        for (Job job : jobs) {
            Incident incident = incidentOfJob.get(job.getId());
            String caseId = caseOfJob.get(job.getId());
            failures.add(new Failure(job.getId(), incident == null ? null : incident.getId(),
                    incident == null ? "failedJob" : incident.getIncidentType(), job.getProcessDefinitionKey(),
                    step(job), caseId, numbers.get(caseId), job.getExceptionMessage(),
                    local(incident == null ? job.getCreateTime() : incident.getIncidentTimestamp()), true));
        }
        for (Incident incident : incidents) {
            if (incident.getConfiguration() != null && jobIds.contains(incident.getConfiguration())) {
                continue;
            }
            String caseId = caseIds.get(incident.getProcessInstanceId());
            failures.add(new Failure(null, incident.getId(), incident.getIncidentType(), null,
                    incident.getFailedActivityId() != null ? incident.getFailedActivityId() : incident.getActivityId(),
                    caseId, numbers.get(caseId), incident.getIncidentMessage(), local(incident.getIncidentTimestamp()), false));
        }
        failures.sort(Comparator.comparing(Failure::since, Comparator.nullsLast(Comparator.reverseOrder())));
        return failures;
    }

    /**
     * One more attempt for a job that has none left: its retries go to 1, it is due now, and its
     * incident is resolved by the engine; after the commit the job executor is told, so it runs the
     * job at once.
     */
    public void retry(Actor actor, String jobId) {
        requireAdmin(actor);
        Job job = management.createJobQuery().jobId(jobId).singleResult();
        if (job == null) {
            throw new NotFoundException("job " + jobId);
        }
        if (job.getRetries() > 0) {
            throw new ConflictException("the job still has retries left and will run again by itself");
        }
        management.setJobRetries(jobId, 1);
        Date now = Date.from(clock.instant());
        if (job.getDuedate() != null && job.getDuedate().after(now)) {
            // a wait between attempts put the next one ahead (a delivery's ten minutes): the retry is now
            management.setJobDuedate(jobId, now);
        }
        String caseId = job.getProcessInstanceId() == null ? caseOfDelivery(jobId)
                : caseIdsOf(Set.of(job.getProcessInstanceId())).get(job.getProcessInstanceId());
        audit.record(actor.username(), "JOB_RETRIED", caseId, "job " + jobId + " at " + step(job)
                + (job.getProcessDefinitionKey() == null ? "" : " (" + job.getProcessDefinitionKey() + ")")
                + ": " + job.getExceptionMessage());
        jobExecutor.afterCommit();
    }

    /** Where a job failed: its model's activity, or for a notification's delivery the job itself. */
    private static String step(Job job) {
        return job.getProcessInstanceId() == null ? job.getId() : job.getFailedActivityId();
    }

    /**
     * The case of a notification's delivery, named by its job's id (or by the business key of an
     * earlier release's delivery process, which has the same form); null for anything else.
     */
    private String caseOfDelivery(String jobId) {
        OptionalLong notification = NotificationDeliveryJob.notificationOf(jobId);
        return notification.isPresent() ? notifications.caseOf(notification.getAsLong()).orElse(null) : null;
    }

    private Map<String, String> caseIdsOf(Set<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> caseIds = new HashMap<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceIds(processInstanceIds).list()) {
            // a case's processes carry its id; a delivery process of an earlier release, its notification's
            String key = instance.getBusinessKey();
            String caseId = NotificationDeliveryJob.notificationOf(key).isPresent() ? caseOfDelivery(key) : key;
            if (caseId != null) {
                caseIds.put(instance.getId(), caseId);
            }
        }
        return caseIds;
    }

    private static void requireAdmin(Actor actor) {
        if (actor.role() != Role.ADMIN) {
            throw new ForbiddenException("failed jobs are for the system administrator");
        }
    }

    private static OffsetDateTime local(Date date) {
        return date == null ? null : date.toInstant().atZone(WorkingDayCalendar.ZONE).toOffsetDateTime();
    }

    /**
     * A failed job (retryable, with {@code jobId}) or an incident of another kind. {@code caseId} and
     * {@code caseNumber} name the case whose process failed; the administrator sees them, not the case.
     */
    public record Failure(String jobId, String incidentId, String incidentType, String processKey, String activityId,
                          String caseId, String caseNumber, String message, OffsetDateTime since, boolean retryable) {
    }
}
