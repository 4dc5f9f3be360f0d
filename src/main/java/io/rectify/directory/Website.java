package io.rectify.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A government website and the body that runs it. */
@Entity
public class Website {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String url;

    private String name;

    @Column(name = "org_code")
    private String orgCode;

    /** false once the administrator deactivated it: cases that name it keep it, new cases cannot choose it */
    private boolean active = true;

    @Version
    private Long version;

    protected Website() {
    }

    public Website(String url, String name, String orgCode) {
        this.url = url;
        this.name = name;
        this.orgCode = orgCode;
    }

    public Long id() {
        return id;
    }

    public String url() {
        return url;
    }

    public String name() {
        return name;
    }

    public String orgCode() {
        return orgCode;
    }

    public boolean active() {
        return active;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    void change(String url, String name, String orgCode) {
        this.url = url;
        this.name = name;
        this.orgCode = orgCode;
    }

    void deactivate() {
        active = false;
    }

    void activate() {
        active = true;
    }
}
