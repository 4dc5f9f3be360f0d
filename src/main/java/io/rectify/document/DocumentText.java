package io.rectify.document;

import java.time.LocalDate;
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
}
