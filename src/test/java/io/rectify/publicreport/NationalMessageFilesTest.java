package io.rectify.publicreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.rectify.kernel.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The national platform's files as lines: columns by their names in any order, quoted fields, line numbers kept. */
class NationalMessageFilesTest {

    @Test
    void csvColumnsAreFoundByNameAndQuotedFieldsKeepCommasQuotesAndLineBreaks() {
        String csv = "\uFEFFdescription,messageId,siteUrl,pageUrl,receivedAt\r\n"
                + "\"第一行，\"\"引号\"\"\n第二行\",M-1,https://a.gov.cn,https://a.gov.cn/1,2026-11-02 09:30:00\r\n"
                + "\r\n"
                + "空白行之后,M-2,https://a.gov.cn,https://a.gov.cn/2,2026-11-02 09:30:00\r\n";
        List<PublicReports.NationalMessage> lines = NationalMessageFiles.read("x.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).description()).isEqualTo("第一行，\"引号\"\n第二行");
        assertThat(lines.get(0).messageId()).isEqualTo("M-1");
        assertThat(lines.get(0).contact()).isNull();
        // the quoted line break is inside line 2; the blank line 4 is skipped, numbers are the file's
        assertThat(lines.get(0).line()).isEqualTo(2);
        assertThat(lines.get(1).line()).isEqualTo(5);
    }

    @Test
    void aFileWithoutTheColumnsOrNotInUtf8IsRefusedNamingTheFile() {
        assertThatThrownBy(() -> NationalMessageFiles.read("x.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("file")));
        assertThatThrownBy(() -> NationalMessageFiles.read("x.csv", "messageId\n\"two\nlines\"\n\"open".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.args()).as("the open quote's line").containsExactly(4)));
        assertThatThrownBy(() -> NationalMessageFiles.read("x.csv", new byte[] {(byte) 0xC4, (byte) 0xE3, ',', 'a'}))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> NationalMessageFiles.read("x.json", "{\"not\":\"an array\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void jsonItemsAreNumberedFromOne() {
        String json = "[{\"messageId\":\"J-1\",\"receivedAt\":\"2026-11-02T10:00:00+08:00\",\"siteUrl\":\"https://a.gov.cn\","
                + "\"pageUrl\":\"https://a.gov.cn/1\",\"description\":\"错\",\"contact\":null}]";
        assertThat(NationalMessageFiles.read("m.json", json.getBytes(StandardCharsets.UTF_8)))
                .singleElement().satisfies(m -> {
                    assertThat(m.line()).isEqualTo(1);
                    assertThat(m.contact()).isNull();
                });
    }
}
