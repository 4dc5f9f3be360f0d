package io.rectify.publicreport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reporter's contact as everyone but the triaging office reads it: enough to tell two apart, not to reach the person. */
class ContactMaskTest {

    @Test
    void aPhoneNumberKeepsItsFirstThreeAndLastFourDigits() {
        assertThat(ContactMask.mask("13812345678")).isEqualTo("138****5678");
        assertThat(ContactMask.mask("0791-8888 1234")).isEqualTo("079****1234");
    }

    @Test
    void aMailAddressKeepsItsFirstLetterAndItsDomain() {
        assertThat(ContactMask.mask("zhang.san@example.com")).isEqualTo("z***@example.com");
    }

    @Test
    void anythingElseKeepsItsFirstCharacterOnly() {
        assertThat(ContactMask.mask("微信 zhangsan2026")).isEqualTo("微***");
        assertThat(ContactMask.mask("12345")).isEqualTo("1***");
    }

    @Test
    void noContactStaysNone() {
        assertThat(ContactMask.mask(null)).isNull();
        assertThat(ContactMask.mask("  ")).isNull();
    }

    @Test
    void theMaskedReportKeepsEverythingButTheContact() {
        PublicReport report = new PublicReport("id", "ZC1", null, ReportChannel.PORTAL, java.time.Instant.EPOCH, "https://a",
                "GZ-EDU", "GZ", "GZ-GOV-OFFICE", "https://a/1", "错字", "13812345678", ReportStatus.RECEIVED, null, null,
                null, null, false, false, null, null, null, null, null, null);
        assertThat(report.masked()).usingRecursiveComparison().ignoringFields("contact").isEqualTo(report);
        assertThat(report.masked().contact()).isEqualTo("138****5678");
    }
}
