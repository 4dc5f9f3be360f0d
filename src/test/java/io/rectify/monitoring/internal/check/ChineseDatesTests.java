package io.rectify.monitoring.internal.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The date forms of Chinese government pages, read as an inspector reads them. */
class ChineseDatesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @Test
    void theCommonFormsAreRead() {
        assertThat(ChineseDates.in("发布时间：2026-12-05", TODAY)).containsExactly(TODAY);
        assertThat(ChineseDates.in("2026年12月5日 星期六", TODAY)).containsExactly(TODAY);
        assertThat(ChineseDates.in("[2026/12/05]", TODAY)).containsExactly(TODAY);
        assertThat(ChineseDates.in("(2026.12.05)", TODAY)).containsExactly(TODAY);
        assertThat(ChineseDates.in("2026-12-05 10:30:00", TODAY)).containsExactly(TODAY);
        assertThat(ChineseDates.in("２０２６－１２－０５", TODAY)).containsExactly(TODAY);
        assertThat(ChineseDates.in("2026年 12 月 05 日", TODAY)).containsExactly(TODAY);
    }

    @Test
    void aMonthAndDayAloneTakeTheLatestYearThatIsNotInTheFuture() {
        assertThat(ChineseDates.in("关于开展检查的通知 12-05", TODAY)).containsExactly(TODAY);
        assertThat(ChineseDates.in("11月28日", TODAY)).containsExactly(LocalDate.of(2026, 11, 28));
        assertThat(ChineseDates.in("12-28", TODAY)).containsExactly(LocalDate.of(2025, 12, 28));
    }

    @Test
    void whatIsNotAnItemsDateIsLeftOut() {
        assertThat(ChineseDates.in("2027-01-10 召开会议", TODAY)).isEmpty();
        assertThat(ChineseDates.in("2026-02-30", TODAY)).isEmpty();
        assertThat(ChineseDates.in("电话：0791-86765432 邮编 330046", TODAY)).isEmpty();
        assertThat(ChineseDates.in("网站标识码3600000001 赣ICP备05001234号", TODAY)).isEmpty();
        assertThat(ChineseDates.in("10:30", TODAY)).isEmpty();
        assertThat(ChineseDates.in("1998-05-01", TODAY)).isEmpty();
    }

    @Test
    void aRealLookingListGivesItsNewestDate() {
        String page = """
                <ul class="list">
                  <li><a href="/art/2026/11/20/art_1.html">省教育厅关于做好2026年冬季学校安全工作的通知</a><span>2026-11-20</span></li>
                  <li><a href="/art/2026/11/28/art_2.html">全省教育系统政府网站工作年度报表</a><span>[2026/11/28]</span></li>
                  <li><a href="/art/2026/12/01/art_3.html">关于公布第二批省级示范校名单的公示</a><span>12-01</span></li>
                </ul>
                <div class="footer">版权所有：江西省教育厅 2019-2026 网站标识码3600000001</div>""";
        assertThat(ChineseDates.newest(page, TODAY)).contains(LocalDate.of(2026, 12, 1));
    }
}
