package io.rectify.monitoring.internal.check;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.rectify.directory.ColumnKind;
import io.rectify.directory.WatchedColumn;
import io.rectify.monitoring.Indicator;
import io.rectify.monitoring.MonitoringSettings;
import io.rectify.monitoring.internal.check.InteractionMessages.Answer;
import io.rectify.monitoring.internal.check.InteractionMessages.Message;
import io.rectify.monitoring.internal.http.Fetched;

/**
 * 互动回应差 (a veto item of the 2019 indicators): the messages listed on the watched interaction
 * columns ({@link InteractionMessages} says which layouts are read); fails when one asked more than
 * three months (90 days) ago is still unanswered. The distance to the line is the age of the oldest
 * unanswered message. A page that could not be fetched, or on which no message with its date and
 * state could be read, is not judged; when no column could be, the check is inconclusive.
 */
public class UnansweredMessages {

    private final MonitoringSettings.Thresholds thresholds;

    public UnansweredMessages(MonitoringSettings.Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** Whether any of the site's watched columns is an interaction column: a site without one is not judged at all. */
    public static boolean watches(List<WatchedColumn> columns) {
        return columns.stream().anyMatch(c -> c.kind() == ColumnKind.INTERACTION);
    }

    public Verdict judge(List<ColumnPage> columns, LocalDate today) {
        int limit = thresholds.interactionMaxDays();
        List<String> unread = new ArrayList<>();
        List<String> overdue = new ArrayList<>();
        List<Fetched> evidence = new ArrayList<>();
        List<Fetched> overdueEvidence = new ArrayList<>();
        int read = 0;
        int unanswered = 0;
        long oldest = 0;
        LocalDate oldestAsked = null;
        for (ColumnPage column : columns) {
            if (column.column().kind() != ColumnKind.INTERACTION) {
                continue;
            }
            String name = column.column().name();
            evidence.add(column.page().fetched());
            if (!column.page().readable()) {
                unread.add(name + "（" + column.page().fetched().summary() + "）");
                continue;
            }
            List<Message> judged = InteractionMessages.on(column.page(), today).stream()
                    .filter(m -> m.answer() != Answer.UNKNOWN).toList();
            if (judged.isEmpty()) {
                unread.add(name + "（没有带日期和办理状态的留言）");
                continue;
            }
            read += judged.size();
            int overdueHere = 0;
            for (Message message : judged) {
                if (message.answer() != Answer.UNANSWERED) {
                    continue;
                }
                unanswered++;
                long age = ChronoUnit.DAYS.between(message.asked(), today);
                if (oldestAsked == null || age > oldest) {
                    oldest = age;
                    oldestAsked = message.asked();
                }
                if (age > limit) {
                    overdueHere++;
                }
            }
            if (overdueHere > 0) {
                overdue.add(name + " " + overdueHere + " 条");
                overdueEvidence.add(column.page().fetched());
            }
        }
        String notRead = unread.isEmpty() ? "" : "；未能读取：" + String.join("、", unread);
        if (read == 0) {
            return Verdict.inconclusive(Indicator.INTERACTION_UNANSWERED,
                    "互动：读不到带日期和回复状态的留言" + notRead, evidence);
        }
        Verdict.Veto veto = Verdict.Veto.of(oldest, limit, "days");
        if (!overdue.isEmpty()) {
            return Verdict.fail(Indicator.INTERACTION_UNANSWERED, "互动：超过 " + limit + " 天未回复的留言："
                    + String.join("、", overdue) + "；最早的于 " + oldestAsked + " 提出，已 " + oldest + " 天（共读取 "
                    + read + " 条留言）" + notRead, veto, overdueEvidence);
        }
        return Verdict.pass(Indicator.INTERACTION_UNANSWERED, "互动：读取 " + read + " 条留言，" + unanswered
                + " 条未回复，无超过 " + limit + " 天的"
                + (oldestAsked == null ? "" : "（最早的已 " + oldest + " 天，于 " + oldestAsked + " 提出）") + notRead,
                veto, evidence);
    }
}
