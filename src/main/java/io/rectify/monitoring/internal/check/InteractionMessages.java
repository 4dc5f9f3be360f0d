package io.rectify.monitoring.internal.check;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The messages (留言) an interaction column lists, each with the day it was asked and whether, and
 * when, it was answered. Two layouts are read, the ones government message boards use:
 * <ul>
 * <li>a table whose header names the asked date (留言时间, 提问时间, 来信时间, 咨询时间, 提交时间,
 * 写信时间, or …日期), and optionally the state (状态, 办理状态, 处理状态, 回复状态) and the reply date
 * (回复时间, 答复时间, 办结时间, or …日期): one message a row;</li>
 * <li>items that label their fields ({@code 留言时间：2026-09-01 状态：已回复 回复时间：2026-09-05}), in a
 * list, a definition list or blocks: one message for the largest element holding one asked label.</li>
 * </ul>
 * A message is answered when its state says so (已回复, 已答复, 已办结, 已处理, 已反馈, 已回应) or it has a
 * reply date; unanswered when its state says so (未回复, 待回复, 未答复, 待答复, 处理中, 办理中, 受理中,
 * 已受理, 待处理, 未办结, …) or its reply date is shown empty. A state in no column or label is looked
 * for in the whole row or item. Dates are read by {@link ChineseDates}. Only the page as listed is
 * read: a later page of the list, or a state shown only on a message's own page, is not.
 */
final class InteractionMessages {

    enum Answer {
        ANSWERED, UNANSWERED, UNKNOWN
    }

    /** One message as listed: asked on {@code asked}; {@code replied} when a reply date is shown. */
    record Message(LocalDate asked, Answer answer, Optional<LocalDate> replied) {
    }

    private static final String ASKED = "(?:留言|提问|来信|咨询|提交|写信)(?:时间|日期)";
    private static final String REPLIED = "(?:回复|答复|办结)(?:时间|日期)";
    private static final String STATE = "(?:办理|处理|回复|答复)?状态";
    private static final Pattern ASKED_LABEL = Pattern.compile(ASKED);
    private static final Pattern REPLIED_LABEL = Pattern.compile(REPLIED);
    private static final Pattern STATE_LABEL = Pattern.compile(STATE);
    private static final Pattern ANY_LABEL = Pattern.compile("(" + ASKED + ")|(" + REPLIED + ")|(" + STATE + ")");

    // the unanswered words first: 未办结 holds 办结
    private static final List<String> UNANSWERED_WORDS = List.of("未回复", "待回复", "未答复", "待答复", "未办结", "未处理",
            "待处理", "待受理", "处理中", "办理中", "受理中", "转办中", "已受理", "已转办");
    private static final List<String> ANSWERED_WORDS = List.of("已回复", "已答复", "已办结", "已处理", "已反馈", "已回应", "办结");

    private InteractionMessages() {
    }

    static List<Message> on(Page page, LocalDate today) {
        List<Message> messages = new ArrayList<>();
        Set<Element> tables = new HashSet<>();
        for (Element table : page.document().select("table")) {
            if (readTable(table, today, messages)) {
                tables.add(table);
            }
        }
        Set<Element> items = new HashSet<>();
        for (Element label : page.document().getElementsMatchingOwnText(ASKED_LABEL)) {
            if (label.parents().stream().anyMatch(tables::contains) || tables.contains(label)) {
                continue;
            }
            Element item = itemOf(label);
            if (items.add(item)) {
                readItem(item.text(), today).ifPresent(messages::add);
            }
        }
        return messages;
    }

    /** A table whose header row names the asked date: one message a row. Returns whether it was such a table. */
    private static boolean readTable(Element table, LocalDate today, List<Message> messages) {
        Elements rows = table.select("tr");
        if (rows.isEmpty()) {
            return false;
        }
        List<String> header = rows.get(0).select("th, td").eachText();
        int asked = column(header, ASKED_LABEL);
        if (asked < 0) {
            return false;
        }
        int state = column(header, STATE_LABEL);
        int replied = column(header, REPLIED_LABEL);
        for (Element row : rows.subList(1, rows.size())) {
            List<String> cells = row.select("td, th").eachText();
            if (asked >= cells.size()) {
                continue;
            }
            Optional<LocalDate> askedOn = firstDate(cells.get(asked), today);
            if (askedOn.isEmpty()) {
                continue;
            }
            String stateText = state >= 0 && state < cells.size() ? cells.get(state) : String.join(" ", cells);
            Optional<LocalDate> repliedOn = replied >= 0 && replied < cells.size() ? firstDate(cells.get(replied), today) : Optional.empty();
            messages.add(new Message(askedOn.get(), answer(stateText, replied >= 0, repliedOn), repliedOn));
        }
        return true;
    }

    private static int column(List<String> header, Pattern label) {
        for (int i = 0; i < header.size(); i++) {
            if (label.matcher(header.get(i)).find()) {
                return i;
            }
        }
        return -1;
    }

    /** The largest element around an asked label that holds no other asked label: the message's item. */
    private static Element itemOf(Element label) {
        Element item = label;
        for (Element parent = label.parent(); parent != null; parent = parent.parent()) {
            if (count(ASKED_LABEL, parent.text()) > 1) {
                break;
            }
            item = parent;
        }
        return item;
    }

    /** An item's labelled fields: each label's value runs to the next label. */
    private static Optional<Message> readItem(String text, LocalDate today) {
        Optional<LocalDate> asked = Optional.empty();
        Optional<LocalDate> replied = Optional.empty();
        String state = null;
        boolean replyShown = false;
        Matcher labels = ANY_LABEL.matcher(text);
        List<int[]> found = new ArrayList<>();
        while (labels.find()) {
            found.add(new int[] {labels.start(), labels.end(), labels.group(1) != null ? 1 : labels.group(2) != null ? 2 : 3});
        }
        for (int i = 0; i < found.size(); i++) {
            int[] label = found.get(i);
            String value = text.substring(label[1], i + 1 < found.size() ? found.get(i + 1)[0] : text.length());
            switch (label[2]) {
                case 1 -> asked = asked.or(() -> firstDate(value, today));
                case 2 -> {
                    replyShown = true;
                    replied = replied.or(() -> firstDate(value, today));
                }
                default -> state = state == null ? value : state;
            }
        }
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Message(asked.get(), answer(state != null ? state : text, replyShown, replied), replied));
    }

    private static Answer answer(String stateText, boolean replyShown, Optional<LocalDate> replied) {
        for (String word : UNANSWERED_WORDS) {
            if (stateText.contains(word)) {
                return Answer.UNANSWERED;
            }
        }
        for (String word : ANSWERED_WORDS) {
            if (stateText.contains(word)) {
                return Answer.ANSWERED;
            }
        }
        if (replied.isPresent()) {
            return Answer.ANSWERED;
        }
        // a reply date shown empty (or as 无, —) is a reply not given
        return replyShown ? Answer.UNANSWERED : Answer.UNKNOWN;
    }

    private static Optional<LocalDate> firstDate(String text, LocalDate today) {
        List<LocalDate> dates = ChineseDates.in(text, today);
        return dates.isEmpty() ? Optional.empty() : Optional.of(dates.get(0));
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find() && n < 2) {
            n++;
        }
        return n;
    }
}
