package io.rectify.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.rectify.kernel.InvalidInputException;
import io.rectify.system.web.SheetRows.Line;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A list's rows keep the line of the file they start on, however many lines a quoted field spans. */
class SheetRowsTest {

    @Test
    void aRecordAfterAQuotedLineBreakKeepsTheLineItStartsOn() {
        String csv = "\uFEFFname,note\n"
                + "甲,\"第一行\n第二行\"\n"
                + "乙,\"一\r\n二\r三\"\r\n"
                + "丙,after\n";
        List<Line> rows = SheetRows.csv(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(rows).extracting(Line::number).containsExactly(1, 2, 4, 7);
        assertThat(rows.get(1).cells()).containsExactly("甲", "第一行\n第二行");
        assertThat(rows.get(2).cells()).as("the breaks inside quotes are the field's own").containsExactly("乙", "一\r\n二\r三");
        assertThat(rows.get(3).cells()).containsExactly("丙", "after");
    }

    @Test
    void quotesAreDoubledInsideAQuotedFieldAndTextInsideAnUnquotedOne() {
        List<Line> rows = SheetRows.csv("a,\"b,\"\"c\"\"\",d\"e\n".getBytes(StandardCharsets.UTF_8));
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.cells()).containsExactly("a", "b,\"c\"", "d\"e"));
    }

    @Test
    void blankLinesAreKeptWithTheirNumbersAndTrailingOnesDropped() {
        List<Line> rows = SheetRows.csv("h\r\n\r\nx\r\n,\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(rows).extracting(Line::number).containsExactly(1, 2, 3);
        assertThat(rows.get(1).isBlank()).isTrue();
        assertThat(rows.get(2).isBlank()).isFalse();
    }

    @Test
    void aQuoteLeftOpenIsRefusedNamingTheLineItsRecordStartsOn() {
        byte[] csv = "h,n\n1,\"two\nlines\"\n2,\"open\nto the end\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SheetRows.csv(csv)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("file");
                    assertThat(p.code()).isEqualTo("upload.sheet.unclosedQuote");
                    assertThat(p.args()).containsExactly(4);
                }));
    }

    @Test
    void aCsvNotInUtf8IsRefused() {
        assertThatThrownBy(() -> SheetRows.csv(new byte[] {(byte) 0xC4, (byte) 0xE3, ',', 'a'}))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("upload.sheet.encoding")));
    }

    @Test
    void anXlsxRowIsNumberedByItsRowAndAnEmptyRowBetweenKeepsItsNumber() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            var sheet = book.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("name");
            sheet.createRow(2).createCell(0).setCellValue("甲");
            book.write(out);
        }
        List<Line> rows = SheetRows.read("list.xlsx", out.toByteArray(), 10);
        assertThat(rows).extracting(Line::number).containsExactly(1, 2, 3);
        assertThat(rows.get(1).isBlank()).isTrue();
        assertThat(rows.get(2).cells()).containsExactly("甲");
    }
}
