package io.rectify.category;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** One of the twelve violations of Articles 33 and 34, with its legal text. */
@Entity
public class Category {

    @Id
    private String code;

    private String article;

    @Column(name = "name_zh")
    private String nameZh;

    @Column(name = "name_en")
    private String nameEn;

    @Column(name = "legal_text")
    private String legalText;

    /** What the rectification order of this category must demand. */
    @Column(name = "order_demand")
    private String orderDemand;

    @Column(name = "sort_order")
    private int sortOrder;

    protected Category() {
    }

    public String code() {
        return code;
    }

    public String article() {
        return article;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** The name in the reader's language: English for English, Chinese otherwise (the default). */
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }

    public String legalText() {
        return legalText;
    }

    public String orderDemand() {
        return orderDemand;
    }

    public int sortOrder() {
        return sortOrder;
    }

    /** Article 34 cases target a supervising office itself; the level above opens them. */
    public boolean targetsAnOffice() {
        return code.startsWith("A34");
    }
}
