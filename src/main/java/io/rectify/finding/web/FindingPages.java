package io.rectify.finding.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.category.Categories;
import io.rectify.directory.Actor;
import io.rectify.directory.Website;
import io.rectify.directory.WebsiteRepository;
import io.rectify.finding.Finding;
import io.rectify.finding.FindingStatus;
import io.rectify.finding.Findings;
import io.rectify.kernel.InvalidInputException;
import io.rectify.system.web.CurrentActor;
import io.rectify.system.web.PageController;
import io.rectify.system.web.PageText;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.lang3.EnumUtils;
import org.apache.commons.lang3.StringUtils;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisor's findings: the list with its filters (status, site), one finding with the
 * evidence it was judged on, and the two decisions on it — confirm into a case, or dismiss with a
 * reason. Plain forms with their CSRF token; no script needed.
 */
@PageController
class FindingPages {

    static final String VIEW_LIST = "findings/list";
    static final String VIEW_FINDING = "findings/finding";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Findings findings;
    private final WebsiteRepository websites;
    private final Categories categories;
    private final MessageSource messages;
    private final CurrentActor currentActor;

    FindingPages(Findings findings, WebsiteRepository websites, Categories categories, MessageSource messages,
                 CurrentActor currentActor) {
        this.findings = findings;
        this.websites = websites;
        this.categories = categories;
        this.messages = messages;
        this.currentActor = currentActor;
    }

    @GetMapping("/findings")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String websiteId,
                Model model, Locale locale) {
        Actor actor = currentActor.get();
        FindingStatus wanted = EnumUtils.getEnum(FindingStatus.class, status);
        Long site = websiteId != null && websiteId.matches("\\d{1,18}") ? Long.valueOf(websiteId) : null;
        List<Finding> found = findings.list(actor, wanted, site);
        // the site filter offers the sites that have findings of the chosen status in the caller's jurisdiction
        List<Finding> ofStatus = site == null ? found : findings.list(actor, wanted, null);
        Map<Long, Website> sites = sites(ofStatus.stream().map(Finding::websiteId).collect(Collectors.toSet()));
        model.addAttribute("rows", found.stream().map(f -> row(f, sites.get(f.websiteId()), locale)).toList());
        model.addAttribute("sites", sites.values().stream()
                .sorted(java.util.Comparator.comparing(Website::name)).map(w -> new Choice(String.valueOf(w.id()), w.name()))
                .toList());
        model.addAttribute("statuses", FindingStatus.values());
        model.addAttribute("filterStatus", wanted == null ? "" : wanted.name());
        model.addAttribute("filterSite", site == null ? "" : String.valueOf(site));
        return VIEW_LIST;
    }

    @GetMapping("/findings/{id}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String show(@PathVariable String id, Model model, Locale locale) {
        return page(id, null, "", model, locale);
    }

    @PostMapping("/findings/{id}/confirm")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String confirm(@PathVariable String id, RedirectAttributes redirect) {
        Findings.Confirmation done = findings.confirm(currentActor.get(), id);
        redirect.addFlashAttribute("flash", done.opened() ? "finding.flash.opened" : "finding.flash.attached");
        redirect.addFlashAttribute("flashArg", done.caseOf().caseNumber());
        return "redirect:/cases/" + done.caseOf().id();
    }

    @PostMapping("/findings/{id}/dismiss")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String dismiss(@PathVariable String id, @RequestParam(required = false) String reason, Model model, Locale locale,
                   HttpServletResponse response, RedirectAttributes redirect) {
        try {
            findings.dismiss(currentActor.get(), id, reason);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            String label = messages.getMessage("finding.page.reason", null, locale);
            return page(id, PageText.of(e.problems().get(0), label, messages, locale), StringUtils.defaultString(reason),
                    model, locale);
        }
        redirect.addFlashAttribute("flash", "finding.flash.dismissed");
        redirect.addFlashAttribute("flashArg", "");
        return "redirect:/findings/" + id;
    }

    private String page(String id, String reasonError, String reason, Model model, Locale locale) {
        Actor actor = currentActor.get();
        Finding f = findings.visible(actor, id); // 404 unless the caller may see it
        Website site = findings.siteOf(actor, f);
        model.addAttribute("f", row(f, site, locale));
        model.addAttribute("evidence", f.evidence().stream().map(e -> new Seen(e.url(), e.status(), when(e.fetchedAt()),
                e.sha256(), e.bodyPath(f.id()))).toList());
        model.addAttribute("reasonError", reasonError);
        model.addAttribute("reason", reason);
        return VIEW_FINDING;
    }

    private Row row(Finding f, Website site, Locale locale) {
        String category = categories.find(f.categoryCode())
                .map(c -> c.code() + " " + (Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? c.nameEn() : c.nameZh()))
                .orElse(f.categoryCode());
        return new Row(f.id(), site == null ? "" : site.name(), site == null ? "" : site.url(), f.indicator().name(),
                category, f.status().name(), f.origin().name(), f.origin().caseSource().name(), f.detail(),
                when(f.detectedAt()), f.caseId(), f.repeatOf(), f.decidedBy(), when(f.decidedAt()), f.dismissReason());
    }

    private Map<Long, Website> sites(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : websites.findAllById(Set.copyOf(ids)).stream()
                .collect(Collectors.toMap(Website::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private static String when(Instant instant) {
        return instant == null ? null : WHEN.format(instant.atZone(WorkingDayCalendar.ZONE));
    }

    /** @param caseSource the source of the case that confirming the finding opens */
    record Row(String id, String siteName, String siteUrl, String indicator, String category, String status, String origin,
               String caseSource, String detail, String detectedAt, String caseId, String repeatOf, String decidedBy,
               String decidedAt, String dismissReason) {
    }

    /** @param body the address of the stored body, null when no response came */
    record Seen(String url, Integer status, String fetchedAt, String sha256, String body) {
    }

    record Choice(String value, String label) {
    }
}
