package io.rectify.admin.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.rectify.calendar.HolidaySchedules;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.directory.Actor;
import io.rectify.directory.DirectoryAdmin;
import io.rectify.directory.Liaisons;
import io.rectify.directory.OrgKind;
import io.rectify.directory.Organization;
import io.rectify.directory.Region;
import io.rectify.directory.Website;
import io.rectify.directory.WatchedColumn;
import io.rectify.directory.ColumnKind;
import io.rectify.directory.SiteState;
import io.rectify.kernel.ConflictException;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.NotFoundException;
import io.rectify.system.security.Accounts;
import io.rectify.system.web.CurrentActor;
import io.rectify.system.web.PageController;
import io.rectify.workflow.FailedJobs;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The system administrator's pages (role ADMIN only; the security and audit administrators have
 * their own): bodies, websites, accounts, the holiday calendar and the engine's failed jobs. The
 * rules live in the services the API calls too; a refused form comes back with its field errors
 * and a 400, and a change is followed by a redirect (post/redirect/get).
 */
@PageController
@RequestMapping("/admin")
class AdminPages {

    static final String VIEW_BODIES = "admin/bodies";
    static final String VIEW_WEBSITES = "admin/websites";
    static final String VIEW_USERS = "admin/users";
    static final String VIEW_CALENDAR = "admin/calendar";
    static final String VIEW_JOBS = "admin/jobs";
    static final String VIEW_BODY = "admin/body";
    static final String VIEW_WEBSITE = "admin/website";
    static final String VIEW_USER = "admin/user";

    private final DirectoryAdmin directory;
    private final FailedJobs failedJobs;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final CurrentActor currentActor;
    private final Accounts accounts;
    private final HolidaySchedules schedules;

    private final Liaisons liaisons;

    AdminPages(DirectoryAdmin directory, FailedJobs failedJobs, WorkingDayCalendar calendar, Clock clock,
               CurrentActor currentActor, Accounts accounts, HolidaySchedules schedules, Liaisons liaisons) {
        this.liaisons = liaisons;
        this.accounts = accounts;
        this.schedules = schedules;
        this.directory = directory;
        this.failedJobs = failedJobs;
        this.calendar = calendar;
        this.clock = clock;
        this.currentActor = currentActor;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    String index() {
        AdminRole.require(currentActor.get());
        return "redirect:/admin/bodies";
    }

    // --- bodies ---------------------------------------------------------------------------

    @GetMapping("/bodies")
    @PreAuthorize("hasRole('ADMIN')")
    String bodies(Model model) {
        Actor actor = currentActor.get();
        model.addAttribute("bodyForm", new BodyForm());
        return showBodies(actor, model);
    }

    @PostMapping("/bodies")
    @PreAuthorize("hasRole('ADMIN')")
    String createBody(@ModelAttribute("bodyForm") BodyForm form, BindingResult result, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        try {
            Organization created = directory.createBody(actor, form.toCommand());
            redirect.addFlashAttribute("notice", "admin.bodies.created");
            redirect.addFlashAttribute("noticeArg", created.code());
            return "redirect:/admin/bodies";
        } catch (InvalidInputException rejected) {
            reject(result, rejected);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showBodies(actor, model);
        }
    }

    private String showBodies(Actor actor, Model model) {
        List<Region> regions = directory.regions(actor);
        Map<String, List<Organization>> byRegion = directory.bodies(actor).stream()
                .collect(Collectors.groupingBy(Organization::regionCode));
        Map<Region, List<Organization>> grouped = new LinkedHashMap<>();
        for (Region region : regions) {
            grouped.put(region, byRegion.getOrDefault(region.code(), List.of()));
        }
        model.addAttribute("bodiesByRegion", grouped);
        model.addAttribute("regions", regions);
        model.addAttribute("kinds", OrgKind.values());
        return VIEW_BODIES;
    }

    // --- websites -------------------------------------------------------------------------

    @GetMapping("/websites")
    @PreAuthorize("hasRole('ADMIN')")
    String websites(Model model) {
        Actor actor = currentActor.get();
        model.addAttribute("websiteForm", new WebsiteForm());
        return showWebsites(actor, model);
    }

    @PostMapping("/websites")
    @PreAuthorize("hasRole('ADMIN')")
    String registerWebsite(@ModelAttribute("websiteForm") WebsiteForm form, BindingResult result, Model model,
                           HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        try {
            directory.registerWebsite(actor, form.toCommand());
            redirect.addFlashAttribute("notice", "admin.websites.registered");
            redirect.addFlashAttribute("noticeArg", form.getUrl().strip());
            return "redirect:/admin/websites";
        } catch (InvalidInputException rejected) {
            reject(result, rejected);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showWebsites(actor, model);
        }
    }

    private String showWebsites(Actor actor, Model model) {
        List<Organization> bodies = directory.bodies(actor);
        model.addAttribute("websites", directory.websites(actor));
        // a new website goes to an active body only
        model.addAttribute("bodies", bodies.stream().filter(Organization::active).toList());
        model.addAttribute("bodyNames", names(bodies));
        return VIEW_WEBSITES;
    }

    // --- users, calendar, jobs ------------------------------------------------------------

    @GetMapping("/users")
    @PreAuthorize("hasRole('ADMIN')")
    String users(Model model) {
        Actor actor = currentActor.get();
        model.addAttribute("userForm", new UserForm());
        return showUsers(actor, model);
    }

    /** A new account through the same service as {@code POST /api/admin/users}: its rules, its audit entry. */
    @PostMapping("/users")
    @PreAuthorize("hasRole('ADMIN')")
    String createUser(@ModelAttribute("userForm") UserForm form, BindingResult result, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        try {
            Accounts.AccountView created = accounts.create(actor, form.toCommand());
            redirect.addFlashAttribute("notice", "admin.users.created");
            redirect.addFlashAttribute("noticeArg", created.username());
            return "redirect:/admin/users";
        } catch (InvalidInputException rejected) {
            for (FieldProblem p : rejected.problems()) {
                // "required" names its field: by the field's label, in the reader's language
                Object[] args = p.code().equals("form.required")
                        ? new Object[] {new DefaultMessageSourceResolvable(new String[] {"admin.user." + p.field()}, p.field())}
                        : p.args().toArray();
                result.rejectValue(p.field(), p.code(), args, p.defaultMessage());
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showUsers(actor, model);
        }
    }

    private String showUsers(Actor actor, Model model) {
        List<Organization> bodies = directory.bodies(actor);
        model.addAttribute("users", directory.users(actor));
        // a new account goes to an active body only
        model.addAttribute("bodies", bodies.stream().filter(Organization::active).toList());
        model.addAttribute("bodyNames", names(bodies));
        model.addAttribute("roles", Accounts.CREATABLE);
        return VIEW_USERS;
    }

    @GetMapping("/calendar")
    @PreAuthorize("hasRole('ADMIN')")
    String calendar(Model model) {
        AdminRole.require(currentActor.get());
        model.addAttribute("scheduleForm", new ScheduleForm());
        return showCalendar(model);
    }

    /**
     * A year's schedule pasted or uploaded (the file wins when both are given), through the same
     * service as {@code PUT /api/admin/calendar/{year}}: a refused one comes back with each problem
     * beside the year or the schedule, and what was pasted kept.
     */
    @PostMapping("/calendar")
    @PreAuthorize("hasRole('ADMIN')")
    String loadSchedule(@ModelAttribute("scheduleForm") ScheduleForm form, BindingResult result, Model model,
                        HttpServletResponse response, RedirectAttributes redirect) throws java.io.IOException {
        Actor actor = currentActor.get();
        AdminRole.require(actor);
        Integer year = form.year();
        String json = form.getSchedule();
        MultipartFile file = form.getFile();
        if (year == null) {
            result.rejectValue("year", "calendar.load.yearNumber", "请填写四位数的年份，例如 2027");
        } else if (file != null && !file.isEmpty() && file.getSize() > HolidaySchedules.MAX_CHARS * 4L) {
            result.rejectValue("schedule", "calendar.load.fileTooLarge", new Object[] {file.getSize()},
                    "文件过大：这不像一年的节假日安排");
        } else {
            if (file != null && !file.isEmpty()) {
                json = new String(file.getBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            try {
                HolidaySchedules.Loaded loaded = schedules.load(actor.username(), year, json);
                redirect.addFlashAttribute("notice", "admin.calendar.load.done");
                redirect.addFlashAttribute("noticeArg", loaded.year());
                return "redirect:/admin/calendar";
            } catch (InvalidInputException rejected) {
                for (FieldProblem p : rejected.problems()) {
                    result.rejectValue(p.field().equals("year") && p.code().equals("calendar.load.yearRange")
                            ? "year" : "schedule", p.code(), p.args().toArray(), p.defaultMessage());
                }
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return showCalendar(model);
    }

    private String showCalendar(Model model) {
        int thisYear = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)).getYear();
        List<Integer> loaded = List.copyOf(calendar.loadedYears());
        int first = loaded.isEmpty() ? thisYear : Math.min(loaded.get(0), thisYear);
        int last = Math.max(thisYear + 1, loaded.isEmpty() ? thisYear + 1 : loaded.get(loaded.size() - 1));
        List<YearState> years = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            years.add(new YearState(year, calendar.isLoaded(year)));
        }
        model.addAttribute("thisYear", thisYear);
        model.addAttribute("years", years);
        // the same two years the workingDayCalendar health indicator checks
        model.addAttribute("missingYears", calendar.missingYears(thisYear, thisYear + 1));
        java.time.format.DateTimeFormatter minutes = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(WorkingDayCalendar.ZONE);
        model.addAttribute("loadedAtRunTime", schedules.loadedYears().stream()
                .collect(Collectors.toMap(HolidaySchedules.LoadedYear::year,
                        y -> new RunTimeLoad(y.loadedBy(), minutes.format(y.loadedAt())))));
        return VIEW_CALENDAR;
    }

    @GetMapping("/jobs")
    @PreAuthorize("hasRole('ADMIN')")
    String jobs(Model model) {
        model.addAttribute("failures", failedJobs.list(currentActor.get()));
        return VIEW_JOBS;
    }

    @PostMapping("/jobs/{id}/retry")
    @PreAuthorize("hasRole('ADMIN')")
    String retry(@PathVariable String id, RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        AdminRole.require(actor);
        String notice;
        try {
            failedJobs.retry(actor, id);
            notice = "admin.jobs.retried";
        } catch (ConflictException stillHasRetries) {
            // e.g. the button pressed twice: the first press already gave the job its attempt
            notice = "admin.jobs.notFailed";
        } catch (NotFoundException gone) {
            notice = "admin.jobs.gone";
        }
        redirect.addFlashAttribute("notice", notice);
        redirect.addFlashAttribute("noticeArg", id);
        return "redirect:/admin/jobs";
    }

    // --- one body, website or account: edit, deactivate, activate --------------------------------
    //
    // Each has a page of its own with its edit form (carrying the version it was read at) and one
    // button to deactivate or activate it. A refused edit comes back with its field errors (400);
    // an edit made on a version someone else has moved on, or a deactivation something still
    // needs, comes back with the reason on the page (409), the form holding the current values.

    @GetMapping("/bodies/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    String body(@PathVariable String code, Model model) {
        Organization body = directory.body(currentActor.get(), code);
        model.addAttribute("bodyForm", BodyForm.of(body));
        return showBody(body, model);
    }

    @PostMapping("/bodies/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    String editBody(@PathVariable String code, @ModelAttribute("bodyForm") BodyForm form, BindingResult result,
                    Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        try {
            directory.editBody(actor, code, form.toEdit());
            return saved(redirect, "admin.body.saved", code, "/admin/bodies/" + code);
        } catch (InvalidInputException rejected) {
            reject(result, rejected);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showBody(directory.body(actor, code), model);
        } catch (ConflictException changedMeanwhile) {
            Organization current = directory.body(actor, code);
            model.addAttribute("bodyForm", BodyForm.of(current));
            model.addAttribute("refusal", "admin.edit.conflict");
            response.setStatus(HttpStatus.CONFLICT.value());
            return showBody(current, model);
        }
    }

    @PostMapping("/bodies/{code}/deactivate")
    @PreAuthorize("hasRole('ADMIN')")
    String deactivateBody(@PathVariable String code, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        try {
            directory.deactivateBody(actor, code);
            return saved(redirect, "admin.body.deactivated", code, "/admin/bodies/" + code);
        } catch (DirectoryAdmin.BodyInUseException inUse) {
            Organization body = directory.body(actor, code);
            model.addAttribute("bodyForm", BodyForm.of(body));
            model.addAttribute("openCases", inUse.openCases());
            model.addAttribute("activeAccounts", inUse.accounts());
            response.setStatus(HttpStatus.CONFLICT.value());
            return showBody(body, model);
        }
    }

    @PostMapping("/bodies/{code}/activate")
    @PreAuthorize("hasRole('ADMIN')")
    String activateBody(@PathVariable String code, RedirectAttributes redirect) {
        directory.activateBody(currentActor.get(), code);
        return saved(redirect, "admin.body.activated", code, "/admin/bodies/" + code);
    }

    /** A liaison of the body: added, or the form back with its errors (400). */
    @PostMapping("/bodies/{code}/liaisons")
    @PreAuthorize("hasRole('ADMIN')")
    String addLiaison(@PathVariable String code, @ModelAttribute("liaisonForm") LiaisonForm form, BindingResult result,
                      Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        Organization body = directory.body(actor, code);
        try {
            liaisons.add(actor, code, new Liaisons.LiaisonEdit(form.getName(), form.getMobile(), form.getMail()));
            return saved(redirect, "admin.liaison.added", code, "/admin/bodies/" + code);
        } catch (InvalidInputException rejected) {
            reject(result, rejected);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("bodyForm", BodyForm.of(body));
            return showBody(body, model);
        }
    }

    @PostMapping("/bodies/{code}/liaisons/{id}/remove")
    @PreAuthorize("hasRole('ADMIN')")
    String removeLiaison(@PathVariable String code, @PathVariable String id, RedirectAttributes redirect) {
        liaisons.remove(currentActor.get(), code, LiaisonApi.liaisonId(id));
        return saved(redirect, "admin.liaison.removed", code, "/admin/bodies/" + code);
    }

    private String showBody(Organization body, Model model) {
        model.addAttribute("body", body);
        model.addAttribute("liaisons", liaisons.of(currentActor.get(), body.code()));
        if (!model.containsAttribute("liaisonForm")) {
            model.addAttribute("liaisonForm", new LiaisonForm());
        }
        model.addAttribute("regions", directory.regions(currentActor.get()));
        return VIEW_BODY;
    }

    @GetMapping("/websites/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String website(@PathVariable String id, Model model) {
        Website site = directory.website(currentActor.get(), AdminApi.websiteId(id));
        model.addAttribute("websiteForm", WebsiteForm.of(site));
        return showWebsite(site, model);
    }

    @PostMapping("/websites/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String editWebsite(@PathVariable String id, @ModelAttribute("websiteForm") WebsiteForm form, BindingResult result,
                       Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return saveWebsite(AdminApi.websiteId(id), form, result, null, model, response, redirect);
    }

    /**
     * A column's remove button: the saved site without that row, at the version the page showed.
     * A form of its own (the buttons name it), so that Enter in a field of the edit form saves the
     * edit rather than pressing the first remove button.
     */
    @PostMapping("/websites/{id}/columns/remove")
    @PreAuthorize("hasRole('ADMIN')")
    String removeColumn(@PathVariable String id, @ModelAttribute("removeColumnForm") RemoveColumnForm posted,
                        Model model, HttpServletResponse response, RedirectAttributes redirect) {
        long websiteId = AdminApi.websiteId(id);
        Website site = directory.website(currentActor.get(), websiteId);
        WebsiteForm form = WebsiteForm.of(site);
        form.setVersion(posted.getVersion());
        form.setRemoveColumn(posted.getRemoveColumn());
        model.addAttribute("websiteForm", form);
        BindingResult result = new org.springframework.validation.BeanPropertyBindingResult(form, "websiteForm");
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "websiteForm", result);
        return saveWebsite(websiteId, form, result, site.columns().size(), model, response, redirect);
    }

    /**
     * Saves the edit form of a site and goes back to its page; a refusal shows the form again with
     * its errors (400), a site changed meanwhile shows it as it is now (409).
     *
     * @param columnsBefore with a remove button: the site's columns before, to say a column was removed
     */
    private String saveWebsite(long websiteId, WebsiteForm form, BindingResult result, Integer columnsBefore,
                               Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        try {
            Website saved = directory.editWebsite(actor, websiteId, form.toEdit());
            String notice = columnsBefore != null && saved.columns().size() < columnsBefore
                    ? "admin.website.column.removed" : "admin.website.saved";
            return saved(redirect, notice, saved.url(), "/admin/websites/" + websiteId);
        } catch (InvalidInputException rejected) {
            reject(result, rejected);
            form.withEmptyRow();
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showWebsite(directory.website(actor, websiteId), model);
        } catch (ConflictException changedMeanwhile) {
            Website current = directory.website(actor, websiteId);
            model.addAttribute("websiteForm", WebsiteForm.of(current));
            model.addAttribute("refusal", "admin.edit.conflict");
            response.setStatus(HttpStatus.CONFLICT.value());
            return showWebsite(current, model);
        }
    }

    @PostMapping("/websites/{id}/deactivate")
    @PreAuthorize("hasRole('ADMIN')")
    String deactivateWebsite(@PathVariable String id, RedirectAttributes redirect) {
        Website site = directory.deactivateWebsite(currentActor.get(), AdminApi.websiteId(id));
        return saved(redirect, "admin.website.deactivated", site.url(), "/admin/websites/" + site.id());
    }

    @PostMapping("/websites/{id}/activate")
    @PreAuthorize("hasRole('ADMIN')")
    String activateWebsite(@PathVariable String id, RedirectAttributes redirect) {
        Website site = directory.activateWebsite(currentActor.get(), AdminApi.websiteId(id));
        return saved(redirect, "admin.website.activated", site.url(), "/admin/websites/" + site.id());
    }

    private String showWebsite(Website site, Model model) {
        List<Organization> bodies = directory.bodies(currentActor.get());
        model.addAttribute("website", site);
        // the site's owner stays choosable when deactivated, so the form can be sent back unchanged
        model.addAttribute("bodies", bodies.stream().filter(b -> b.active() || b.code().equals(site.orgCode())).toList());
        model.addAttribute("bodyNames", names(bodies));
        model.addAttribute("states", SiteState.values());
        model.addAttribute("kinds", ColumnKind.values());
        return VIEW_WEBSITE;
    }

    @GetMapping("/users/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    String user(@PathVariable String username, Model model) {
        Accounts.AccountView account = account(username);
        model.addAttribute("userForm", UserForm.of(account));
        return showUser(account, model);
    }

    @PostMapping("/users/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    String editUser(@PathVariable String username, @ModelAttribute("userForm") UserForm form, BindingResult result,
                    Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        try {
            Accounts.AccountView saved = accounts.edit(actor, username, form.toEdit());
            return saved(redirect, saved.pending() ? "admin.user.savedPending" : "admin.user.saved", username,
                    "/admin/users/" + username);
        } catch (InvalidInputException rejected) {
            reject(result, rejected);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showUser(account(username), model);
        }
    }

    @PostMapping("/users/{username}/deactivate")
    @PreAuthorize("hasRole('ADMIN')")
    String deactivateUser(@PathVariable String username, RedirectAttributes redirect) {
        accounts.deactivate(currentActor.get(), username);
        return saved(redirect, "admin.user.deactivated", username, "/admin/users/" + username);
    }

    @PostMapping("/users/{username}/activate")
    @PreAuthorize("hasRole('ADMIN')")
    String activateUser(@PathVariable String username, Model model, HttpServletResponse response,
                        RedirectAttributes redirect) {
        try {
            accounts.activate(currentActor.get(), username);
            return saved(redirect, "admin.user.activated", username, "/admin/users/" + username);
        } catch (ConflictException bodyDeactivated) {
            Accounts.AccountView account = account(username);
            model.addAttribute("userForm", UserForm.of(account));
            model.addAttribute("refusal", "admin.user.bodyInactive");
            response.setStatus(HttpStatus.CONFLICT.value());
            return showUser(account, model);
        }
    }

    private Accounts.AccountView account(String username) {
        Actor actor = currentActor.get();
        return directory.users(actor).stream().filter(u -> u.username().equals(username)).findFirst()
                .map(u -> new Accounts.AccountView(u.username(), u.displayName(), u.role().name(), u.orgCode(), u.enabled(),
                        false, null, u.failedLogins(), u.mustChangePassword(), !u.approved()))
                .orElseThrow(() -> new NotFoundException("account " + username));
    }

    private String showUser(Accounts.AccountView account, Model model) {
        List<Organization> bodies = directory.bodies(currentActor.get());
        model.addAttribute("account", account);
        model.addAttribute("business", Accounts.CREATABLE.stream().anyMatch(r -> r.name().equals(account.role())));
        model.addAttribute("bodies", bodies.stream().filter(b -> b.active() || b.code().equals(account.orgCode())).toList());
        model.addAttribute("bodyNames", names(bodies));
        model.addAttribute("roles", Accounts.CREATABLE);
        return VIEW_USER;
    }

    private static String saved(RedirectAttributes redirect, String notice, String arg, String to) {
        redirect.addFlashAttribute("notice", notice);
        redirect.addFlashAttribute("noticeArg", arg);
        return "redirect:" + to;
    }

    private static void reject(BindingResult result, InvalidInputException rejected) {
        for (FieldProblem p : rejected.problems()) {
            result.rejectValue(p.field(), p.code(), p.args().toArray(), p.defaultMessage());
        }
    }

    /** Body names by code, in the reader's language. */
    private static Map<String, String> names(List<Organization> bodies) {
        boolean english = LocaleContextHolder.getLocale().getLanguage().equals("en");
        return bodies.stream().collect(Collectors.toMap(Organization::code, b -> english ? b.nameEn() : b.nameZh(),
                (a, b) -> a, LinkedHashMap::new));
    }

    record YearState(int year, boolean loaded) {
    }

    /** A version as the hidden field sent it; anything but a number is treated as missing, and named. */
    private static Long versionOf(String version) {
        return version != null && version.strip().matches("\\d{1,18}") ? Long.valueOf(version.strip()) : null;
    }

    /** Who loaded a year's schedule at run time, and when (China Standard Time, to the minute). */
    record RunTimeLoad(String by, String at) {
    }

    /** A year's schedule as typed: the year as text (so that "abc" is named), the JSON pasted or a file. */
    public static class ScheduleForm {
        private String year;
        private String schedule;
        private MultipartFile file;

        Integer year() {
            try {
                return year == null ? null : Integer.valueOf(year.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        public String getYear() { return year; }
        public void setYear(String year) { this.year = year; }
        public String getSchedule() { return schedule; }
        public void setSchedule(String schedule) { this.schedule = schedule; }
        public MultipartFile getFile() { return file; }
        public void setFile(MultipartFile file) { this.file = file; }
    }

    /** The body form as typed: every value a string, so the service judges each one and names it. */
    /** A new liaison as the body page's form gives it. */
    public static class LiaisonForm {
        private String name;
        private String mobile;
        private String mail;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getMobile() {
            return mobile;
        }

        public void setMobile(String mobile) {
            this.mobile = mobile;
        }

        public String getMail() {
            return mail;
        }

        public void setMail(String mail) {
            this.mail = mail;
        }
    }

    public static class BodyForm {
        private String code;
        private String nameZh;
        private String nameEn;
        private String kind;
        private String regionCode;
        private String casePrefix;

        private String version;

        DirectoryAdmin.NewBody toCommand() {
            return new DirectoryAdmin.NewBody(code, nameZh, nameEn, kind, regionCode, casePrefix);
        }

        DirectoryAdmin.BodyEdit toEdit() {
            return new DirectoryAdmin.BodyEdit(nameZh, nameEn, regionCode, casePrefix, versionOf(version));
        }

        static BodyForm of(Organization body) {
            BodyForm form = new BodyForm();
            form.code = body.code();
            form.nameZh = body.nameZh();
            form.nameEn = body.nameEn();
            form.kind = body.kind().name();
            form.regionCode = body.regionCode();
            form.casePrefix = body.kind() == OrgKind.OFFICE ? body.casePrefix() : null;
            form.version = String.valueOf(body.version());
            return form;
        }

        public String getVersion() { return version; }
        public void setVersion(String version) { this.version = version; }

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getNameZh() { return nameZh; }
        public void setNameZh(String nameZh) { this.nameZh = nameZh; }
        public String getNameEn() { return nameEn; }
        public void setNameEn(String nameEn) { this.nameEn = nameEn; }
        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public String getRegionCode() { return regionCode; }
        public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
        public String getCasePrefix() { return casePrefix; }
        public void setCasePrefix(String casePrefix) { this.casePrefix = casePrefix; }
    }

    /**
     * The website form as typed. The edit page also carries the registry's fields and the watched
     * columns, one row each and an empty row to add one; the service judges them as it judges the
     * API's, and names a column's field by its row ({@code columns[2].url}).
     */
    public static class WebsiteForm {
        private String url;
        private String name;
        private String orgCode;
        private String siteCode;
        private String state;
        private String icpNumber;
        private String psbNumber;
        private List<ColumnRow> columns = new ArrayList<>();
        /** the row whose remove button was pressed: the edit is saved without it */
        private String removeColumn;

        private String version;

        DirectoryAdmin.NewWebsite toCommand() {
            return new DirectoryAdmin.NewWebsite(url, name, orgCode);
        }

        /**
         * The edit as the service takes it. The rows left empty (the row to add one, unused) and the
         * removed row are dropped from the form itself first, so that a problem the service names by
         * its row index lands on the row the page shows again.
         */
        DirectoryAdmin.WebsiteEdit toEdit() {
            Integer removed = removeColumn != null && removeColumn.strip().matches("\\d{1,3}") ? Integer.valueOf(removeColumn.strip()) : null;
            List<ColumnRow> kept = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                ColumnRow row = columns.get(i);
                if (row != null && !row.blank() && (removed == null || removed != i)) {
                    kept.add(row);
                }
            }
            // no row sent at all (not the page, which always sends its row to add one): the columns stay as they are
            List<DirectoryAdmin.ColumnInput> inputs = columns.isEmpty() ? null
                    : kept.stream().map(r -> new DirectoryAdmin.ColumnInput(r.getName(), r.getUrl(), r.getKind())).toList();
            columns = kept;
            // a field not sent stays as it is; one sent empty is cleared (the service's rule for the API too)
            return new DirectoryAdmin.WebsiteEdit(url, name, orgCode, versionOf(version), siteCode, state, icpNumber,
                    psbNumber, inputs);
        }

        /** The form shown again: with an empty row at the end to add a column. */
        WebsiteForm withEmptyRow() {
            if (columns.isEmpty() || !columns.get(columns.size() - 1).blank()) {
                columns.add(new ColumnRow());
            }
            return this;
        }

        static WebsiteForm of(Website site) {
            WebsiteForm form = new WebsiteForm();
            form.url = site.url();
            form.name = site.name();
            form.orgCode = site.orgCode();
            form.siteCode = site.siteCode();
            form.state = site.state().name();
            form.icpNumber = site.icpNumber();
            form.psbNumber = site.psbNumber();
            for (WatchedColumn column : site.columns()) {
                ColumnRow row = new ColumnRow();
                row.setName(column.name());
                row.setUrl(column.url());
                row.setKind(column.kind() == null ? null : column.kind().name());
                form.columns.add(row);
            }
            form.version = String.valueOf(site.version());
            return form.withEmptyRow();
        }

        public String getVersion() { return version; }
        public void setVersion(String version) { this.version = version; }
        public String getSiteCode() { return siteCode; }
        public void setSiteCode(String siteCode) { this.siteCode = siteCode; }
        public String getState() { return state; }
        public void setState(String state) { this.state = state; }
        public String getIcpNumber() { return icpNumber; }
        public void setIcpNumber(String icpNumber) { this.icpNumber = icpNumber; }
        public String getPsbNumber() { return psbNumber; }
        public void setPsbNumber(String psbNumber) { this.psbNumber = psbNumber; }
        public List<ColumnRow> getColumns() { return columns; }
        public void setColumns(List<ColumnRow> columns) { this.columns = columns == null ? new ArrayList<>() : columns; }
        public String getRemoveColumn() { return removeColumn; }
        public void setRemoveColumn(String removeColumn) { this.removeColumn = removeColumn; }

        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getOrgCode() { return orgCode; }
        public void setOrgCode(String orgCode) { this.orgCode = orgCode; }
    }

    /** A column's remove button: which saved row, and the version the page was read at. */
    public static class RemoveColumnForm {
        private String removeColumn;
        private String version;

        public String getRemoveColumn() { return removeColumn; }
        public void setRemoveColumn(String removeColumn) { this.removeColumn = removeColumn; }
        public String getVersion() { return version; }
        public void setVersion(String version) { this.version = version; }
    }

    /** One watched column as its row of the website page gives it. */
    public static class ColumnRow {
        private String name;
        private String url;
        private String kind;

        public boolean blank() {
            return (name == null || name.isBlank()) && (url == null || url.isBlank()) && (kind == null || kind.isBlank());
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
    }

    /** The account form as typed; no password: the security administrator's approval gives the first one. */
    public static class UserForm {
        private String username;
        private String displayName;
        private String role;
        private String orgCode;

        Accounts.NewAccount toCommand() {
            return new Accounts.NewAccount(username, displayName, role, orgCode, null);
        }

        Accounts.AccountEdit toEdit() {
            return new Accounts.AccountEdit(displayName, role, orgCode);
        }

        static UserForm of(Accounts.AccountView account) {
            UserForm form = new UserForm();
            form.username = account.username();
            form.displayName = account.displayName();
            form.role = account.role();
            form.orgCode = account.orgCode();
            return form;
        }

        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getDisplayName() { return displayName; }
        public void setDisplayName(String displayName) { this.displayName = displayName; }
        public String getRole() { return role; }
        public void setRole(String role) { this.role = role; }
        public String getOrgCode() { return orgCode; }
        public void setOrgCode(String orgCode) { this.orgCode = orgCode; }
    }
}
