/**
 * Spot checks (抽查) and self-inspections: the 2019 national indicators as a versioned checklist,
 * their scoring, campaigns over a sample of a jurisdiction's sites with an inspection form per
 * site, and the two self-inspection reports a body owes each year (Art. 29), a missed one
 * opening an {@code A34-02} case once.
 */
package io.rectify.inspection;
