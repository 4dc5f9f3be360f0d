package io.rectify.monitoring.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.directory.DirectoryAdmin;
import io.rectify.directory.DirectoryAdmin.ColumnInput;
import io.rectify.directory.Role;
import io.rectify.directory.SiteState;
import io.rectify.directory.ColumnKind;
import io.rectify.directory.WatchedColumn;
import io.rectify.directory.Website;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The default profile's demo websites: a small fleet of pages the product serves itself under
 * {@code /demo-sites/{name}/}, some kept up, some not, so that a new user sees checks fail within
 * minutes of starting, without any network. The pages' dates follow the application's clock. The
 * seven demo sites with real addresses are marked closed when the fleet is first registered, so
 * that the demo contacts no site on the Internet (an administrator may open them again).
 */
@Component
// the demo sites live on this machine: where loopback may not be fetched (prod, even with demo users) there is no fleet
@ConditionalOnExpression("${rectify.demo:false} and ${rectify.monitoring.allow-private-addresses:false}")
public class DemoFleet {

    private static final Logger log = LoggerFactory.getLogger(DemoFleet.class);
    private static final Actor DEMO = new Actor("demo", Role.ADMIN, null, null, null);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    /**
     * One demo site: what it is, whose it is, and what is wrong with it.
     *
     * @param unansweredDays how long the oldest unanswered message of its 咨询投诉 column has waited
     * @param messageTable   whether that column lists its messages as a table (else as labelled items)
     */
    public record DemoSite(String name, String siteCode, String title, String orgCode, int homepageAgeDays, boolean marks,
                           int columnAgeDays, int blankColumns, boolean broken, int unansweredDays, boolean messageTable) {
    }

    public static final List<DemoSite> SITES = List.of(
            new DemoSite("jxedu", "3600000001", "江西省教育厅（演示站）", "JX-EDU", 1, true, 2, 0, false, 3, true),
            new DemoSite("ncedu", "3601000002", "南昌市教育局（演示站）", "NC-EDU", 20, true, 200, 0, false, 120, false),
            new DemoSite("jxhealth", "3600000003", "江西省卫生健康委员会（演示站）", "JX-HEALTH", 3, false, 5, 0, false, 10, true),
            new DemoSite("gzedu", "3607000004", "赣州市教育局（演示站）", "GZ-EDU", 2, true, 2, 5, false, 5, false),
            new DemoSite("ncgov", "3601000005", "南昌市人民政府（演示站）", "NC-GOV-OFFICE", 0, true, 0, 0, true, 0, true));

    private final Directory directory;
    private final DirectoryAdmin admin;
    private final Clock clock;

    DemoFleet(Directory directory, DirectoryAdmin admin, Clock clock) {
        this.directory = directory;
        this.admin = admin;
        this.clock = clock;
    }

    public Optional<DemoSite> site(String name) {
        return SITES.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private volatile int port = -1;

    /** The port this server listens on: the demo sites' addresses name it. */
    @EventListener
    public void onServer(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            port = event.getWebServer().getPort();
        }
    }

    /** Registers the fleet once the demo bodies are seeded (again at a new port after a restart on another). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void onReady() {
        if (port > 0) {
            register(port);
        }
    }

    void register(int port) {
        boolean first = SITES.stream().allMatch(s -> findByCode(s).isEmpty());
        for (DemoSite site : SITES) {
            if (directory.findOrganization(site.orgCode()).isEmpty()) {
                return;
            }
            String url = url(port, site);
            Optional<Website> known = findByCode(site);
            if (known.isEmpty()) {
                admin.registerWebsite(DEMO, new DirectoryAdmin.NewWebsite(url, site.title(), site.orgCode(), site.siteCode(),
                        SiteState.OPEN.name(), "赣ICP备0500" + site.siteCode().substring(6) + "号",
                        "赣公网安备3601020200" + site.siteCode().substring(6) + "号", columns(port, site)));
            } else if (!known.get().url().equals(url) || !known.get().columns().equals(watched(port, site))) {
                Website w = known.get();
                admin.editWebsite(DEMO, w.id(), new DirectoryAdmin.WebsiteEdit(url, w.name(), w.orgCode(), w.version(),
                        w.siteCode(), w.state().name(), w.icpNumber(), w.psbNumber(), columns(port, site)));
            }
        }
        if (first) {
            for (Website real : directory.websitesOf(directory.organizations().stream().map(o -> o.code()).toList())) {
                if (real.siteCode() == null && real.url().startsWith("https://") && real.url().endsWith(".gov.cn")
                        && real.state() == SiteState.OPEN) {
                    admin.editWebsite(DEMO, real.id(), new DirectoryAdmin.WebsiteEdit(real.url(), real.name(), real.orgCode(),
                            real.version(), null, SiteState.CLOSED.name(), null, null, null));
                }
            }
            log.warn("Demo websites registered at http://127.0.0.1:{}/demo-sites/; the demo sites with real addresses are"
                    + " marked closed, so the demo probes only this machine", port);
        }
    }

    private Optional<Website> findByCode(DemoSite site) {
        return directory.websitesOf(List.of(site.orgCode())).stream().filter(w -> site.siteCode().equals(w.siteCode())).findFirst();
    }

    private static String url(int port, DemoSite site) {
        return "http://127.0.0.1:" + port + "/demo-sites/" + site.name() + "/";
    }

    private static List<ColumnInput> columns(int port, DemoSite site) {
        return watched(port, site).stream().map(c -> new ColumnInput(c.name(), c.url(), c.kind().name())).toList();
    }

    private static List<WatchedColumn> watched(int port, DemoSite site) {
        List<WatchedColumn> columns = new ArrayList<>();
        String base = url(port, site) + "c/";
        columns.add(new WatchedColumn("工作动态", base + "1/", ColumnKind.NEWS));
        columns.add(new WatchedColumn("通知公告", base + "2/", ColumnKind.NOTICE));
        columns.add(new WatchedColumn("政策文件", base + "3/", ColumnKind.POLICY));
        columns.add(new WatchedColumn("市县动态", base + "4/", ColumnKind.NEWS));
        columns.add(new WatchedColumn("媒体关注", base + "5/", ColumnKind.NEWS));
        columns.add(new WatchedColumn(COLUMN_NAMES.get(INTERACTION), base + INTERACTION + "/", ColumnKind.INTERACTION));
        return columns;
    }

    // --- the pages -----------------------------------------------------------------------------

    static final int INTERACTION = 6;
    static final Map<Integer, String> COLUMN_NAMES = Map.of(1, "工作动态", 2, "通知公告", 3, "政策文件", 4, "市县动态", 5, "媒体关注",
            INTERACTION, "咨询投诉");

    /** The homepage of a demo site as of the application's clock. */
    public String homepage(DemoSite site) {
        LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            LocalDate day = today.minusDays(site.homepageAgeDays() + i * 3L);
            items.append("<li><a href=\"c/1/").append(i).append(".html\">关于做好")
                    .append(day.getMonthValue()).append("月份政府网站常态化监管工作的通知（第").append(i + 1).append("期）</a>")
                    .append("<span>[").append(day.format(DAY)).append("]</span></li>\n");
        }
        String columnsNav = COLUMN_NAMES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "<a href=\"c/" + e.getKey() + "/\">" + e.getValue() + "</a>").reduce("", (a, b) -> a + " " + b);
        String footer = site.marks()
                ? "<p>网站标识码：" + site.siteCode() + " 赣ICP备0500" + site.siteCode().substring(6) + "号 "
                + "<a href=\"http://www.beian.gov.cn/\">赣公网安备3601020200" + site.siteCode().substring(6) + "号</a></p>"
                + "<p><a href=\"https://bszs.conac.cn/sitename?method=show\"><img src=\"conac.png\" alt=\"党政机关\"></a> "
                + "<a href=\"https://zfwzzc.www.gov.cn/\">我为政府网站找错</a></p>"
                : "<p>主办单位：" + site.title() + "</p><p><a href=\"c/9/\">联系我们</a></p>";
        return page(site.title(), "<nav>" + columnsNav + "</nav><h2>要闻</h2><ul>" + items + "</ul><footer>" + footer + "</footer>");
    }

    /** A column page (or a missing one: empty). */
    public Optional<String> column(DemoSite site, int number) {
        String name = COLUMN_NAMES.get(number);
        if (name == null) {
            return Optional.empty();
        }
        if (number == INTERACTION) {
            return Optional.of(page(name + " - " + site.title(), "<h2>" + name + "</h2>" + messages(site)));
        }
        if (number > 5 - site.blankColumns()) {
            return Optional.of(page(name + " - " + site.title(), "<h2>" + name + "</h2><p>暂无信息</p>"));
        }
        LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            LocalDate day = today.minusDays(site.columnAgeDays() + i * 7L);
            items.append("<li><a href=\"").append(i).append(".html\">").append(name).append("：")
                    .append(day.getYear()).append("年第").append(i + 1).append("期工作简报</a><span>")
                    .append(day.getYear()).append("年").append(day.getMonthValue()).append("月").append(day.getDayOfMonth())
                    .append("日</span></li>\n");
        }
        return Optional.of(page(name + " - " + site.title(), "<h2>" + name + "</h2><ul>" + items + "</ul>"));
    }

    private static final List<String> QUESTIONS = List.of("关于义务教育阶段招生划片的咨询", "学校课后服务收费标准", "教师资格认定现场确认时间",
            "校车接送路线调整建议", "关于高考加分政策的咨询", "幼儿园入园报名材料", "学生资助申请流程", "中考体育考试项目");

    /**
     * The 咨询投诉 column: eight messages asked a fortnight apart, all answered a few days later but
     * the oldest unanswered one, asked {@code unansweredDays} ago. No links: the messages are read
     * where they are listed.
     */
    private String messages(DemoSite site) {
        LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < QUESTIONS.size(); i++) {
            LocalDate asked = today.minusDays(1 + i * 14L);
            boolean open = false;
            if (i == QUESTIONS.size() - 1) {
                asked = today.minusDays(site.unansweredDays());
                open = true;
            }
            String replied = open ? "" : asked.plusDays(3).isAfter(today) ? today.format(DAY) : asked.plusDays(3).format(DAY);
            String state = open ? "待回复" : "已回复";
            if (site.messageTable()) {
                rows.append("<tr><td>").append(i + 1).append("</td><td>").append(QUESTIONS.get(i)).append("</td><td>")
                        .append(asked.format(DAY)).append("</td><td>").append(state).append("</td><td>").append(replied)
                        .append("</td></tr>\n");
            } else {
                rows.append("<li><h3>").append(QUESTIONS.get(i)).append("</h3><p>留言时间：").append(asked.getYear()).append("年")
                        .append(asked.getMonthValue()).append("月").append(asked.getDayOfMonth()).append("日</p><p>办理状态：")
                        .append(state).append("</p>").append(open ? "" : "<p>答复时间：" + replied + "</p>").append("</li>\n");
            }
        }
        return site.messageTable()
                ? "<table><thead><tr><th>序号</th><th>留言标题</th><th>留言时间</th><th>状态</th><th>回复时间</th></tr></thead><tbody>"
                + rows + "</tbody></table>"
                : "<ul class=\"messages\">" + rows + "</ul>";
    }

    /** An article of a column: there for the links of a kept site, missing for one that is not. */
    public Optional<String> article(DemoSite site, int column, int number) {
        if (!site.marks() && number == 0) {
            return Optional.empty();
        }
        return Optional.of(page(COLUMN_NAMES.getOrDefault(column, "文章"), "<h2>文章 " + number + "</h2><p>正文。</p>"));
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><h1>"
                + title + "</h1>" + body + "</body></html>";
    }
}
