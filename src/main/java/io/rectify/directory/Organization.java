package io.rectify.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A body: an office, a supervision commission or a department with a website. */
@Entity
public class Organization {

    @Id
    private String code;

    @Column(name = "name_zh")
    private String nameZh;

    @Column(name = "name_en")
    private String nameEn;

    @Enumerated(EnumType.STRING)
    private OrgKind kind;

    @Column(name = "region_code")
    private String regionCode;

    @Column(name = "case_prefix")
    private String casePrefix;

    /** false once the administrator deactivated it: kept for the cases that name it, offered for nothing new */
    private boolean active = true;

    /** Two administrators editing one body: the second change is refused, not silently merged. */
    @Version
    private Long version;
    /** False while an office or supervision body the system administrator made awaits the security administrator. */
    private boolean approved = true;

    protected Organization() {
    }

    public Organization(String code, String nameZh, String nameEn, OrgKind kind, String regionCode, String casePrefix) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.kind = kind;
        this.regionCode = regionCode;
        this.casePrefix = casePrefix;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public OrgKind kind() {
        return kind;
    }

    public String regionCode() {
        return regionCode;
    }

    public boolean active() {
        return active;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    /** The administrator's edit of what a body may change; its code and kind stay what they were. */
    void rename(String nameZh, String nameEn, String regionCode, String casePrefix) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.regionCode = regionCode;
        this.casePrefix = casePrefix;
    }

    void deactivate() {
        active = false;
    }

    void activate() {
        active = true;
    }

    /** As read by plain SQL: whether it is active (the constructor makes an active body). */
    Organization withActive(boolean active) {
        this.active = active;
        return this;
    }

    /**
     * Whether the body takes part: an office or supervision body the system administrator created
     * (or changed into one) opens no case, is chosen as no respondent and receives no task, and its
     * accounts neither sign in nor are approved, until the security administrator approves it.
     */
    public boolean approved() {
        return approved;
    }

    /** Whether a body of this kind, made or changed by the system administrator, needs the security administrator's approval. */
    public static boolean needsApproval(OrgKind kind) {
        return kind == OrgKind.OFFICE || kind == OrgKind.SUPERVISION;
    }

    Organization pendingApproval() {
        this.approved = false;
        return this;
    }

    Organization withApproval(boolean approved) {
        this.approved = approved;
        return this;
    }

    void approve() {
        this.approved = true;
    }

    /** The prefix of this body's case numbers (赣府办整改), or its code when it has none. */
    public String casePrefix() {
        return casePrefix == null ? code : casePrefix;
    }
}
