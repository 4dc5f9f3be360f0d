package io.rectify.sanction;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A sanction (处分 / 政务处分) of a named official, decided by the supervision authority. */
@Entity
public class Sanction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private String caseId;

    @Column(name = "person_name")
    private String personName;

    private String post;

    @Column(name = "org_code")
    private String orgCode;

    @Enumerated(EnumType.STRING)
    private Responsibility responsibility;

    @Enumerated(EnumType.STRING)
    private SanctionType type;

    @Column(name = "decision_number")
    private String decisionNumber;

    @Column(name = "decision_date")
    private LocalDate decisionDate;

    @Column(name = "period_ends")
    private LocalDate periodEnds;

    /** false when another sanction of the same person in the same decision absorbed this one */
    private boolean executed;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected Sanction() {
    }

    Sanction(String caseId, String personName, String post, String orgCode, Responsibility responsibility,
             SanctionType type, String decisionNumber, LocalDate decisionDate, boolean executed, LocalDate periodEnds,
             String recordedBy, Instant recordedAt) {
        this.caseId = caseId;
        this.personName = personName;
        this.post = post;
        this.orgCode = orgCode;
        this.responsibility = responsibility;
        this.type = type;
        this.decisionNumber = decisionNumber;
        this.decisionDate = decisionDate;
        this.executed = executed;
        this.periodEnds = periodEnds;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long id() {
        return id;
    }

    public String caseId() {
        return caseId;
    }

    public String personName() {
        return personName;
    }

    public String post() {
        return post;
    }

    public String orgCode() {
        return orgCode;
    }

    public Responsibility responsibility() {
        return responsibility;
    }

    public SanctionType type() {
        return type;
    }

    public String decisionNumber() {
        return decisionNumber;
    }

    public LocalDate decisionDate() {
        return decisionDate;
    }

    public LocalDate periodEnds() {
        return periodEnds;
    }

    public boolean executed() {
        return executed;
    }
}
