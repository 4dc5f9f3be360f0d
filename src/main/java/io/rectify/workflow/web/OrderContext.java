package io.rectify.workflow.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.CaseService;
import io.rectify.casefile.RectificationCase;
import io.rectify.category.Categories;
import io.rectify.category.Category;
import io.rectify.directory.Actor;
import io.rectify.form.web.FormView;
import io.rectify.process.CaseTasks;
import io.rectify.workflow.Tasks;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Issuing an order: the category's legal text and default period, the deadline the typed period
 * gives (previewed by a script as it is typed, or by the preview button without one), a warning
 * when that deadline runs into a year whose holiday schedule is not loaded (the count would be
 * weekends only), and the category's demand of an order (migration 3) as the requirements' starting text.
 */
@Component
class OrderContext implements TaskPageContext {

    static final String PERIOD = "periodWorkingDays";
    static final String REQUIREMENTS = "requirements";
    /** The period an order may set, as {@link CaseService#issueOrder} checks it. */
    static final int MIN_PERIOD = 1;
    static final int MAX_PERIOD = 60;

    private final CaseService cases;
    private final Categories categories;
    private final WorkingDayCalendar calendar;

    OrderContext(CaseService cases, Categories categories, WorkingDayCalendar calendar) {
        this.cases = cases;
        this.categories = categories;
        this.calendar = calendar;
    }

    @Override
    public String taskKey() {
        return CaseTasks.ISSUE_ORDER;
    }

    @Override
    public Map<String, String> initialValues(Actor actor, Tasks.TaskDetail task, Locale locale) {
        return category(actor, task).map(c -> Map.of(REQUIREMENTS, c.orderDemand())).orElse(Map.of());
    }

    @Override
    public void addTo(Model model, Actor actor, Tasks.TaskDetail task, Locale locale) {
        RectificationCase c = cases.visible(actor, task.caseId());
        int defaultPeriod = categories.defaultPeriodWorkingDays(c.categoryCode());
        model.addAttribute("orderCategory", categories.find(c.categoryCode()).orElse(null));
        model.addAttribute("defaultPeriod", defaultPeriod);
        model.addAttribute("previewAction", "taskContext.order.preview");
        LocalDate today = cases.today();
        model.addAttribute("orderDate", today);
        FormView form = (FormView) model.getAttribute("form");
        String typed = form == null ? "" : form.valueOf(PERIOD).strip();
        Integer period = typed.isEmpty() ? Integer.valueOf(defaultPeriod) : period(typed);
        if (period == null) {
            model.addAttribute("previewProblem", "taskContext.order.periodRange");
            return;
        }
        LocalDate deadline = calendar.addWorkingDays(today, period);
        model.addAttribute("previewPeriod", period);
        model.addAttribute("previewDeadline", deadline);
        List<Integer> missing = calendar.missingYears(today.getYear(), deadline.getYear());
        model.addAttribute("missingYears", missing.stream().map(String::valueOf).reduce((a, b) -> a + "、" + b).orElse(null));
    }

    /** A whole number of working days the order may set, or null. */
    private static Integer period(String typed) {
        if (!typed.matches("\\d{1,3}")) {
            return null;
        }
        int days = Integer.parseInt(typed);
        return days < MIN_PERIOD || days > MAX_PERIOD ? null : days;
    }

    private Optional<Category> category(Actor actor, Tasks.TaskDetail task) {
        return categories.find(cases.visible(actor, task.caseId()).categoryCode());
    }
}
