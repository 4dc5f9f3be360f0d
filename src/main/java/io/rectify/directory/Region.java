package io.rectify.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A level of the administrative tree: province, city, county. */
@Entity
public class Region {

    @Id
    private String code;

    @Column(name = "name_zh")
    private String nameZh;

    @Column(name = "name_en")
    private String nameEn;

    @Column(name = "parent_code")
    private String parentCode;

    protected Region() {
    }

    public Region(String code, String nameZh, String nameEn, String parentCode) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.parentCode = parentCode;
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

    public String parentCode() {
        return parentCode;
    }
}
