package io.rectify.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The region tree of an installation, as a CSV file: a header {@code code,parent_code,name_zh,name_en},
 * then one line per region, each parent before its children, exactly one root (the province).
 * Names hold no commas. The product ships Jiangxi's ({@code install/regions-jiangxi.csv}).
 */
public final class RegionFile {

    static final String HEADER = "code,parent_code,name_zh,name_en";
    private static final String CODE = "[A-Z][A-Z0-9-]{0,19}";

    private RegionFile() {
    }

    /** The regions of the file, in its order; a malformed line is named with its number. */
    public static List<Region> read(Reader source) throws IOException {
        BufferedReader lines = new BufferedReader(source);
        String header = lines.readLine();
        if (header == null || !header.strip().replace("\uFEFF", "").equals(HEADER)) {
            throw new IllegalArgumentException("line 1: the header must be '" + HEADER + "'");
        }
        List<Region> regions = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        int number = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length != 4) {
                throw new IllegalArgumentException("line " + number + ": 4 fields expected, " + fields.length + " found");
            }
            String code = fields[0].strip();
            String parent = fields[1].strip();
            String nameZh = fields[2].strip();
            String nameEn = fields[3].strip();
            if (!code.matches(CODE)) {
                throw new IllegalArgumentException("line " + number + ": '" + code
                        + "' is not a region code (capital letters, digits, '-', at most 20)");
            }
            if (!codes.add(code)) {
                throw new IllegalArgumentException("line " + number + ": region " + code + " is listed twice");
            }
            if (parent.isEmpty() && !regions.isEmpty()) {
                throw new IllegalArgumentException("line " + number + ": only the first region (the province) has no parent");
            }
            if (!parent.isEmpty() && (parent.equals(code) || !codes.contains(parent))) {
                throw new IllegalArgumentException("line " + number + ": parent " + parent + " must be listed before " + code);
            }
            if (nameZh.isEmpty() || nameEn.isEmpty() || nameZh.length() > 100 || nameEn.length() > 100) {
                throw new IllegalArgumentException("line " + number + ": both names are required (each up to 100 characters)");
            }
            regions.add(new Region(code, nameZh, nameEn, parent.isEmpty() ? null : parent));
        }
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("the file lists no region");
        }
        return regions;
    }
}
