package io.rectify.directory;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

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

    /** 网站标识码: the ten characters the national registry of government websites issues */
    @Column(name = "site_code")
    private String siteCode;

    @Enumerated(EnumType.STRING)
    private SiteState state = SiteState.OPEN;

    /** ICP 备案号 */
    @Column(name = "icp_number")
    private String icpNumber;

    /** 公安机关备案号 */
    @Column(name = "psb_number")
    private String psbNumber;

    /** the columns whose freshness the monitoring watches, in the administrator's order */
    // a list of sites reads their columns a hundred sites at a time, not one select per site
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "website_column", joinColumns = @JoinColumn(name = "website_id"))
    @OrderColumn(name = "position")
    private List<WatchedColumn> columns = new ArrayList<>();

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

    public String siteCode() {
        return siteCode;
    }

    public SiteState state() {
        return state;
    }

    public String icpNumber() {
        return icpNumber;
    }

    public String psbNumber() {
        return psbNumber;
    }

    public List<WatchedColumn> columns() {
        return List.copyOf(columns);
    }

    /** watched: active in the registry and open (a closed site is not probed) */
    public boolean watched() {
        return active && state == SiteState.OPEN;
    }

    void register(String siteCode, SiteState state, String icpNumber, String psbNumber, List<WatchedColumn> columns) {
        this.siteCode = siteCode;
        this.state = state == null ? SiteState.OPEN : state;
        this.icpNumber = icpNumber;
        this.psbNumber = psbNumber;
        this.columns.clear();
        this.columns.addAll(columns);
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
