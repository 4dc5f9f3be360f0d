package io.rectify.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import io.rectify.kernel.ConflictException;
import io.rectify.kernel.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.apache.commons.lang3.StringUtils;

/**
 * The case: one violation by one body, from detection to closing. It owns its state machine and
 * refuses what the regulation does not allow (closing twice, accepting a report it never asked
 * for, escalating without a reason, a second extension).
 */
@Entity
@Table(name = "rectification_case")
public class RectificationCase {

    /** Message keys of the reasons {@link #extensionBarred} gives. */
    public static final String EXTENSION_ESCALATED = "extension.refused.escalated";
    public static final String EXTENSION_OVERDUE = "extension.refused.overdue";

    /**
     * Art. 33(1), a site built without filing: the one category whose rectification a lawful
     * shutdown of the site waives (DOMAIN.md, lifecycle step 6).
     */
    private static final String WAIVED_BY_SHUTDOWN = "A33-01";

    @Id
    private String id;

    @Column(name = "case_number")
    private String caseNumber;

    @Column(name = "category_code")
    private String categoryCode;

    @Column(name = "respondent_org_code")
    private String respondentOrgCode;

    /** the respondent's region: whose jurisdiction the case falls in */
    @Column(name = "region_code")
    private String regionCode;

    @Column(name = "opened_by_org_code")
    private String openedByOrgCode;

    @Column(name = "opened_by")
    private String openedBy;

    private String title;
    private String description;

    @Column(name = "website_url")
    private String websiteUrl;

    @Enumerated(EnumType.STRING)
    private CaseSource source;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    @Enumerated(EnumType.STRING)
    private CaseOutcome outcome;

    private String requirements;

    /** last working day of the current order */
    private LocalDate deadline;

    /** the deadline timer fired with no report in */
    @Column(name = "overdue_marked")
    private boolean overdueMarked;

    @Column(name = "flagged_serious")
    private boolean flaggedSerious;

    @Column(name = "serious_reason")
    private String seriousReason;

    @Column(name = "repeat_violation")
    private boolean repeatViolation;

    private boolean escalated;

    @Column(name = "escalation_reason")
    private String escalationReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_status")
    private ReviewStatus reviewStatus;

    @Column(name = "rectification_accepted")
    private boolean rectificationAccepted;

    @Column(name = "rejection_count")
    private int rejectionCount;

    @Column(name = "extension_used")
    private boolean extensionUsed;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private Long version;

    // What the figures need, decided by the step that changes them (src/docs/stats.md).

    /** the business date of the first order */
    @Column(name = "ordered_on")
    private LocalDate orderedOn;

    /** the business date of the latest report */
    @Column(name = "responded_on")
    private LocalDate respondedOn;

    /** the accepted report came by the deadline then in force; null until one is accepted */
    @Column(name = "rectified_on_time")
    private Boolean rectifiedOnTime;

    /** working days from the first order to the accepted report; null until one is accepted */
    @Column(name = "rectification_working_days")
    private Integer rectificationWorkingDays;

    @Column(name = "escalated_on")
    private LocalDate escalatedOn;

    @Column(name = "extension_granted_on")
    private LocalDate extensionGrantedOn;

    protected RectificationCase() {
    }

    RectificationCase(String id, String caseNumber, OpenCase command, String regionCode, String openedByOrgCode,
                      String openedBy, boolean repeatViolation, Instant now) {
        this.id = id;
        this.caseNumber = caseNumber;
        this.categoryCode = command.categoryCode();
        this.respondentOrgCode = command.respondentOrgCode();
        this.regionCode = regionCode;
        this.openedByOrgCode = openedByOrgCode;
        this.openedBy = openedBy;
        this.title = command.title();
        this.description = command.description();
        this.websiteUrl = StringUtils.trimToNull(command.websiteUrl());
        this.source = command.source();
        this.status = CaseStatus.DETECTED;
        this.flaggedSerious = command.serious();
        this.seriousReason = command.serious() ? command.seriousReason() : null;
        this.repeatViolation = repeatViolation;
        this.reviewStatus = ReviewStatus.NONE;
        this.createdAt = now;
    }

    /** 责令整改: the first order, or a new one after a rejected report. */
    void issueOrder(String requirements, LocalDate deadline, LocalDate today) {
        requireStatus(CaseStatus.DETECTED, "an order is issued once, when the case is opened");
        this.requirements = requirements;
        this.deadline = deadline;
        this.status = CaseStatus.ORDERED;
        this.orderedOn = today;
    }

    /**
     * The respondent's report answers the open order. An A33-01 report says how the site was put
     * right: filed, with its filing number, or lawfully shut down, with the date it closed; the
     * shutdown waives the rectification. Returns whether the report waives it.
     */
    boolean recordResponse(Map<String, ?> report, LocalDate today) {
        requireStatus(CaseStatus.ORDERED, "a report answers an open order");
        boolean shutDown = false;
        if (WAIVED_BY_SHUTDOWN.equals(categoryCode)) {
            shutDown = "SHUT_DOWN".equals(report.get("resolution"));
            if (shutDown && !given(report.get("closureDate"))) {
                throw InvalidInputException.of("closureDate", "case.response.closureDateRequired",
                        "网站已依法关停的，须填写关停日期");
            }
            if (!shutDown && !given(report.get("filingNumber"))) {
                throw InvalidInputException.of("filingNumber", "case.response.filingNumberRequired",
                        "已完成备案的，须填写备案号");
            }
        }
        this.status = CaseStatus.RESPONDED;
        this.respondedOn = today;
        return shutDown;
    }

    private static boolean given(Object value) {
        return value != null && !(value instanceof String text && text.isBlank());
    }

    /**
     * The report is accepted. It was on time when it came by the deadline then in force (a report
     * on the last working day is on time, one the next working day is not); {@code workingDays}
     * counts from the first order to that report, for the median of the figures.
     */
    void accept(Integer workingDays) {
        requireStatus(CaseStatus.RESPONDED, "only a submitted report can be accepted");
        this.rectificationAccepted = true;
        this.rectifiedOnTime = respondedOn != null && deadline != null && !respondedOn.isAfter(deadline);
        this.rectificationWorkingDays = workingDays;
    }

    /** The report is not enough: a new deadline follows, and rectification goes on. */
    void reject(String comment, LocalDate newDeadline) {
        requireStatus(CaseStatus.RESPONDED, "only a submitted report can be rejected");
        if (StringUtils.isBlank(comment)) {
            throw InvalidInputException.of("comment", "case.rejection.reasonRequired", "退回整改报告须写明理由");
        }
        this.rejectionCount++;
        this.deadline = newDeadline;
        this.overdueMarked = false;
        this.status = CaseStatus.ORDERED;
    }

    void flagSerious(String reason) {
        if (StringUtils.isBlank(reason)) {
            throw InvalidInputException.of("seriousReason", "case.serious.reasonRequired", "认定情节严重须写明理由");
        }
        this.flaggedSerious = true;
        this.seriousReason = reason;
    }

    /** The deadline passed with no report in. Returns false when the order was already answered. */
    boolean markOverdue() {
        if (status != CaseStatus.ORDERED) {
            return false;
        }
        this.overdueMarked = true;
        return true;
    }

    /** 情节严重: the case goes to the supervision authority while rectification continues. */
    void escalate(String reason, LocalDate today) {
        if (StringUtils.isBlank(reason)) {
            throw new IllegalArgumentException("an escalation needs a reason");
        }
        if (escalated) {
            throw new ConflictException("the case was already escalated");
        }
        requireOpen();
        this.escalated = true;
        this.escalationReason = reason;
        this.reviewStatus = ReviewStatus.PENDING;
        this.escalatedOn = today;
    }

    void finishReview() {
        if (reviewStatus != ReviewStatus.PENDING) {
            throw new ConflictException("no supervision review is pending");
        }
        this.reviewStatus = ReviewStatus.DECIDED;
    }

    /** The respondent may ask once, while the order is open and still in time. */
    void requestExtension(LocalDate today) {
        requireStatus(CaseStatus.ORDERED, "an extension is asked for while the order is open");
        extensionBarred(today).ifPresent(RectificationCase::refuseExtension);
        if (extensionUsed) {
            throw new ConflictException("该整改通知已申请过延期，只能申请一次 / An extension may be asked for only once",
                    "extension.refused.once");
        }
        this.extensionUsed = true;
    }

    /** A granted extension: refused, like a request, once the deadline has passed or the case was escalated. */
    void extendDeadline(LocalDate newDeadline, LocalDate today) {
        requireStatus(CaseStatus.ORDERED, "only an open order's deadline moves");
        extensionBarred(today).ifPresent(RectificationCase::refuseExtension);
        this.deadline = newDeadline;
        this.overdueMarked = false;
        this.extensionGrantedOn = today;
    }

    /**
     * Why no extension can be asked for or granted today, as a message key: an extension moves a
     * deadline that is still running, and an escalated case is the supervision body's to weigh, so
     * a late request must not wipe out the overdue or the escalation it led to. Empty when one may.
     */
    public Optional<String> extensionBarred(LocalDate today) {
        if (escalated) {
            return Optional.of(EXTENSION_ESCALATED);
        }
        if (overdueMarked || isOverdue(today)) {
            return Optional.of(EXTENSION_OVERDUE);
        }
        return Optional.empty();
    }

    private static void refuseExtension(String code) {
        throw new ConflictException(EXTENSION_ESCALATED.equals(code)
                ? "案件已移送监察机关，不能再申请或批准延期 / The case was escalated: no extension can be asked for or granted"
                : "整改期限已过，不能再申请或批准延期 / The deadline has passed: no extension can be asked for or granted",
                code);
    }

    /** Closed only when rectification was accepted (or waived) and any supervision review finished. */
    void close(CaseOutcome outcome, Instant now) {
        requireOpen();
        if (!rectificationAccepted) {
            throw new ConflictException("a case closes only after its rectification was accepted");
        }
        if (reviewStatus == ReviewStatus.PENDING) {
            throw new ConflictException("a case closes only after the supervision review finished");
        }
        if (outcome == CaseOutcome.WAIVED && !WAIVED_BY_SHUTDOWN.equals(categoryCode)) {
            throw new ConflictException("only an A33-01 case ends waived, by the site's lawful shutdown");
        }
        this.outcome = outcome;
        this.status = CaseStatus.CLOSED;
        this.closedAt = now;
    }

    private void requireOpen() {
        if (status == CaseStatus.CLOSED) {
            throw new ConflictException("the case is closed");
        }
    }

    private void requireStatus(CaseStatus expected, String rule) {
        if (status != expected) {
            throw new ConflictException(rule + " (the case is " + status + ")");
        }
    }

    /** Overdue: an order is open and its last working day is behind us. */
    public boolean isOverdue(LocalDate today) {
        return status == CaseStatus.ORDERED && deadline != null && today.isAfter(deadline);
    }

    public String id() {
        return id;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public String categoryCode() {
        return categoryCode;
    }

    public String respondentOrgCode() {
        return respondentOrgCode;
    }

    public String regionCode() {
        return regionCode;
    }

    public String openedByOrgCode() {
        return openedByOrgCode;
    }

    public String openedBy() {
        return openedBy;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String websiteUrl() {
        return websiteUrl;
    }

    public CaseSource source() {
        return source;
    }

    public CaseStatus status() {
        return status;
    }

    public CaseOutcome outcome() {
        return outcome;
    }

    public String requirements() {
        return requirements;
    }

    public LocalDate deadline() {
        return deadline;
    }

    public boolean overdueMarked() {
        return overdueMarked;
    }

    public boolean flaggedSerious() {
        return flaggedSerious;
    }

    public String seriousReason() {
        return seriousReason;
    }

    public boolean repeatViolation() {
        return repeatViolation;
    }

    public boolean escalated() {
        return escalated;
    }

    public String escalationReason() {
        return escalationReason;
    }

    public ReviewStatus reviewStatus() {
        return reviewStatus;
    }

    public boolean rectificationAccepted() {
        return rectificationAccepted;
    }

    public int rejectionCount() {
        return rejectionCount;
    }

    public boolean extensionUsed() {
        return extensionUsed;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public LocalDate orderedOn() {
        return orderedOn;
    }

    public LocalDate respondedOn() {
        return respondedOn;
    }

    public Boolean rectifiedOnTime() {
        return rectifiedOnTime;
    }

    public Integer rectificationWorkingDays() {
        return rectificationWorkingDays;
    }

    public LocalDate escalatedOn() {
        return escalatedOn;
    }

    public LocalDate extensionGrantedOn() {
        return extensionGrantedOn;
    }

    /** Serious in the eyes of the case: flagged by a supervisor or escalated by a rule. */
    public boolean serious() {
        return flaggedSerious || escalated;
    }
}
