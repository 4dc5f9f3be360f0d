package io.rectify.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.lang3.StringUtils;

/** How an official document writes dates, articles and names (GB/T 9704: 2026年12月5日, unpadded). */
final class DocumentText {

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    private static final Pattern ARTICLE = Pattern.compile("(\\d+)(?:\\((\\d+)\\))?");
    private static final Pattern NUMBER = Pattern.compile("(.*?)〔(\\d{4})〕(\\d+)号");
    /** the widest the 发文机关标志 may be: the text block's 156 mm less a character's margin each side */
    private static final double MARK_WIDTH_MM = 150;
    /** the tallest the 标志's characters are drawn */
    private static final double MARK_MAX_MM = 14;
    /** a title line's room in characters of the title's size (22 pt on the 156 mm text block: 20), less one to breathe */
    private static final double TITLE_EMS = 19;
    /** how many characters shorter than the even break a line may be to end on a phrase */
    private static final int BREAK_SLACK = 3;
    /** characters after which a title breaks naturally: the end of a time, a body (厅, 局, 市…), a particle, a conjunction, a mark */
    private static final String PHRASE_ENDS = "年月日度厅局委院室府省市县区心站部会于令的和及与等、，）〕》";
    private static final String CLOSING_MARKS = "，。、；：？！）〕》」』”’)]";
    private static final String OPENING_MARKS = "（〔《「『“‘([";

    private DocumentText() {
    }

    /** 2026年12月5日: Arabic numerals, no leading zeros. */
    static String date(LocalDate date) {
        return date == null ? "" : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** 第三十三条第（四）项 for "33(4)", 第三十四条 for "34"; the code itself for anything else. */
    static String article(String code) {
        Matcher m = ARTICLE.matcher(StringUtils.defaultString(code));
        if (!m.matches()) {
            return StringUtils.defaultString(code);
        }
        String article = "第" + chinese(Integer.parseInt(m.group(1))) + "条";
        return m.group(2) == null ? article : article + "第（" + chinese(Integer.parseInt(m.group(2))) + "）项";
    }

    /** Chinese numerals up to 99, as articles and items are counted. */
    static String chinese(int n) {
        if (n < 10) {
            return DIGITS[n];
        }
        String tens = n / 10 == 1 ? "十" : DIGITS[n / 10] + "十";
        return n % 10 == 0 ? tens : tens + DIGITS[n % 10];
    }

    /**
     * The number of a document of this kind on the case: the case's number (the order's) with the
     * kind's code in place of 整改 (赣府办催办〔2026〕12号); the second and later of a kind add 之二….
     */
    static String number(String caseNumber, DocumentKind kind, int ordinal) {
        String base = caseNumber;
        Matcher m = NUMBER.matcher(caseNumber);
        if (kind != DocumentKind.ORDER && m.matches()) {
            base = prefix(m.group(1), kind) + "〔" + m.group(2) + "〕" + m.group(3) + "号";
        }
        return ordinal <= 1 ? base : base + "之" + chinese(ordinal);
    }

    /** The 机关代字 of a document of this kind: the office's case prefix with the kind's code in place of 整改 (赣府办通报). */
    static String prefix(String casePrefix, DocumentKind kind) {
        return casePrefix.contains("整改") ? casePrefix.replace("整改", kind.code()) : casePrefix + kind.code();
    }

    /** 94.75%: a rate (0–1) as the 通报 write it, to two decimals; — when there is none. */
    static String percent(java.math.BigDecimal rate) {
        return rate == null ? "—"
                : rate.multiply(java.math.BigDecimal.valueOf(100)).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** 张＊, 欧阳＊＊: the surname kept, the rest masked, as the sanctions registry shows names to the offices. */
    static String masked(String name) {
        String n = StringUtils.strip(StringUtils.defaultString(name));
        if (n.isEmpty()) {
            return "＊";
        }
        int kept = n.length() >= 4 ? 2 : 1;
        return n.substring(0, kept) + "＊".repeat(Math.max(1, n.codePointCount(0, n.length()) - kept));
    }

    /** The size of the 标志's characters, so that the issuer's name stays on one line of the text block. */
    static String markSize(String issuerName) {
        int length = Math.max(1, StringUtils.length(issuerName));
        double size = Math.min(MARK_MAX_MM, MARK_WIDTH_MM / length);
        return String.format(java.util.Locale.ROOT, "%.2fmm", size);
    }

    /** A text as its paragraphs: one per line that has something on it. */
    static List<String> paragraphs(String text) {
        return Arrays.stream(StringUtils.defaultString(text).split("\\R"))
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /**
     * A title as the lines GB/T 9704 wants of a long one: about equal, each upper line no longer than
     * the one below (a trapezoid), never breaking inside a run of digits or Latin letters, never
     * starting a line with a closing mark or ending one with an opening mark. One line when it fits.
     */
    static List<String> titleLines(String title) {
        List<String> units = breakUnits(StringUtils.defaultString(title).strip());
        double width = units.stream().mapToDouble(DocumentText::ems).sum();
        int lines = (int) Math.ceil(width / TITLE_EMS);
        if (lines <= 1) {
            return List.of(StringUtils.defaultString(title).strip());
        }
        List<String> out = new ArrayList<>();
        int next = 0;
        double left = width;
        for (int line = lines; line > 1; line--) {
            double most = left / line;
            StringBuilder text = new StringBuilder();
            double used = 0;
            int from = next;
            while (next < units.size() - 1 && (used == 0 || used + ems(units.get(next)) <= most)) {
                used += ems(units.get(next));
                text.append(units.get(next++));
            }
            // without a dictionary, a word is kept whole by breaking after a word that ends a phrase
            // (年度, 的, 和, a number…) when one is within a few characters of the even break
            for (int back = next, shortBy = 0; back > from + 1 && shortBy <= BREAK_SLACK; back--) {
                if (endsPhrase(units.get(back - 1))) {
                    for (int drop = next - 1; drop >= back; drop--) {
                        used -= ems(units.get(drop));
                    }
                    text.setLength(0);
                    units.subList(from, back).forEach(text::append);
                    next = back;
                    break;
                }
                shortBy += (int) Math.ceil(ems(units.get(back - 1)));
            }
            out.add(text.toString());
            left -= used;
        }
        out.add(String.join("", units.subList(next, units.size())));
        return out;
    }

    /** The places a title may break between: each character, a run of digits or Latin letters as one, marks kept with their neighbour. */
    private static List<String> breakUnits(String text) {
        List<String> units = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int end = i + 1;
            if (isLatin(text.charAt(i))) {
                while (end < text.length() && isLatin(text.charAt(end))) {
                    end++;
                }
            }
            String unit = text.substring(i, end);
            if (!units.isEmpty() && (CLOSING_MARKS.indexOf(unit.charAt(0)) >= 0
                    || OPENING_MARKS.indexOf(lastChar(units)) >= 0)) {
                units.set(units.size() - 1, units.get(units.size() - 1) + unit);
            } else {
                units.add(unit);
            }
            i = end;
        }
        return units;
    }

    private static boolean endsPhrase(String unit) {
        char last = unit.charAt(unit.length() - 1);
        return PHRASE_ENDS.indexOf(last) >= 0 || isLatin(last);
    }

    private static char lastChar(List<String> units) {
        String last = units.get(units.size() - 1);
        return last.charAt(last.length() - 1);
    }

    private static boolean isLatin(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }

    /** Width in characters of the title's size: a Latin letter or digit is about half a Chinese character. */
    private static double ems(String unit) {
        return unit.chars().mapToDouble(c -> c < 0x80 ? 0.5 : 1).sum();
    }
}
