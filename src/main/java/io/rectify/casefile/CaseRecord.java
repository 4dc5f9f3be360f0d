package io.rectify.casefile;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One entry of a case's file: an order, a report, a decision, with what was submitted. Read
 * through JPA; written by plain SQL ({@code CaseService.record}).
 */
@Entity
@Table(name = "case_record")
public class CaseRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private String caseId;

    @Enumerated(EnumType.STRING)
    private CaseRecordKind kind;

    private String actor;

    @Column(name = "actor_org")
    private String actorOrg;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    private String summary;

    /** the submitted form values, as JSON */
    @Column(name = "data_json")
    private String dataJson;

    protected CaseRecord() {
    }

    public Long id() {
        return id;
    }

    public String caseId() {
        return caseId;
    }

    public CaseRecordKind kind() {
        return kind;
    }

    public String actor() {
        return actor;
    }

    public String actorOrg() {
        return actorOrg;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String summary() {
        return summary;
    }

    public String dataJson() {
        return dataJson;
    }
}
