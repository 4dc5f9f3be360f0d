package io.rectify.system.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX through POI's streaming workbook: a window of {@value #WINDOW} rows in memory, the rest
 * flushed to a temporary file that is zipped onto the response at the end and then deleted, so
 * memory stays flat whatever the number of rows. Strings are inline (no shared-strings table
 * growing with the file); dates are real dates; the header row is bold, frozen and filterable.
 */
final class XlsxTableFile implements TableFile {

    private static final int WINDOW = 200;
    /** column width in 1/256 of a character: wide enough for a title, without measuring every row */
    private static final int WIDTH = 18 * 256;

    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final SXSSFSheet sheet;
    private final CellStyle date;
    private final CellStyle bold;
    private int rows;
    private int columns;

    XlsxTableFile(OutputStream out, String sheetName) {
        this.out = out;
        this.sheet = workbook.createSheet(sheetName);
        this.date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        this.bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
    }

    @Override
    public void header(List<String> names) {
        columns = names.size();
        Row row = sheet.createRow(rows++);
        for (int i = 0; i < names.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(TableFile.neutralised(names.get(i)));
            cell.setCellStyle(bold);
            sheet.setColumnWidth(i, WIDTH);
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void row(List<?> cells) {
        Row row = sheet.createRow(rows++);
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (value instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(date);
            } else {
                cell.setCellValue(TableFile.neutralised(value.toString()));
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (columns > 0) {
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows - 1), 0, columns - 1));
            }
            workbook.write(out);
            out.flush();
        } finally {
            // deletes the temporary file of the flushed rows
            workbook.close();
        }
    }
}
