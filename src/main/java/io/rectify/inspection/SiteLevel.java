package io.rectify.inspection;

/**
 * The level a site is sampled by. Derived from the body that runs it and that body's region:
 * a site of an office (政府办公厅/室) is its government's {@code PORTAL}; any other site of a
 * county-level region (the third level of the region tree, below province and city) is
 * {@code COUNTY}; the rest, the departments of the province and its cities, {@code DEPARTMENT}.
 */
public enum SiteLevel {
    PORTAL, DEPARTMENT, COUNTY;

    /** @param regionDepth 1 for the province, 2 for a city, 3 for a county */
    public static SiteLevel of(boolean runByAnOffice, int regionDepth) {
        if (runByAnOffice) {
            return PORTAL;
        }
        return regionDepth >= 3 ? COUNTY : DEPARTMENT;
    }
}
