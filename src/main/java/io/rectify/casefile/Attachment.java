package io.rectify.casefile;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Evidence on a case. Stored under a generated name; the person's file name is only shown. */
@Entity
public class Attachment {

    @Id
    private String id;

    @Column(name = "case_id")
    private String caseId;

    private String name;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "size_bytes")
    private long sizeBytes;

    private String sha256;

    @Column(name = "storage_name")
    private String storageName;

    @Column(name = "uploaded_by")
    private String uploadedBy;

    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    protected Attachment() {
    }

    Attachment(String id, String caseId, String name, String contentType, long sizeBytes, String sha256,
               String storageName, String uploadedBy, Instant uploadedAt) {
        this.id = id;
        this.caseId = caseId;
        this.name = name;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.storageName = storageName;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public String id() {
        return id;
    }

    public String caseId() {
        return caseId;
    }

    public String name() {
        return name;
    }

    public String contentType() {
        return contentType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }

    String storageName() {
        return storageName;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }
}
