package io.rectify.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

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
}
