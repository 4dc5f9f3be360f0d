package io.rectify.admin.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.rectify.calendar.HolidaySchedules;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.directory.AppUser;
import io.rectify.directory.DirectoryAdmin;
import io.rectify.directory.Organization;
import io.rectify.directory.Website;
import io.rectify.kernel.NotFoundException;
import io.rectify.system.security.Accounts;
import io.rectify.system.web.CurrentActor;
import io.rectify.workflow.FailedJobs;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The administrator's pages as JSON, ADMIN only: the same services, problem details on bad input. */
@RestController
@RequestMapping("/api/admin")
class AdminApi {

    private final DirectoryAdmin directory;
    private final FailedJobs failedJobs;
    private final WorkingDayCalendar calendar;
    private final HolidaySchedules schedules;
    private final Clock clock;
    private final CurrentActor currentActor;
    private final Accounts accounts;

    AdminApi(DirectoryAdmin directory, FailedJobs failedJobs, WorkingDayCalendar calendar, HolidaySchedules schedules,
             Clock clock, CurrentActor currentActor, Accounts accounts) {
        this.accounts = accounts;
        this.schedules = schedules;
        this.directory = directory;
        this.failedJobs = failedJobs;
        this.calendar = calendar;
        this.clock = clock;
        this.currentActor = currentActor;
    }

    @GetMapping("/bodies")
    @PreAuthorize("hasRole('ADMIN')")
    List<BodyView> bodies() {
        return directory.bodies(currentActor.get()).stream().map(BodyView::of).toList();
    }

    @PostMapping("/bodies")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<BodyView> createBody(@RequestBody(required = false) DirectoryAdmin.NewBody body) {
        DirectoryAdmin.NewBody command = body == null ? new DirectoryAdmin.NewBody(null, null, null, null, null, null) : body;
        Organization created = directory.createBody(currentActor.get(), command);
        return ResponseEntity.created(URI.create("/api/admin/bodies/" + created.code())).body(BodyView.of(created));
    }

    @GetMapping("/websites")
    @PreAuthorize("hasRole('ADMIN')")
    List<WebsiteView> websites() {
        return directory.websites(currentActor.get()).stream().map(WebsiteView::of).toList();
    }

    @PostMapping("/websites")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<WebsiteView> registerWebsite(@RequestBody(required = false) DirectoryAdmin.NewWebsite website) {
        DirectoryAdmin.NewWebsite command = website == null ? new DirectoryAdmin.NewWebsite(null, null, null) : website;
        Website saved = directory.registerWebsite(currentActor.get(), command);
        return ResponseEntity.created(URI.create("/api/admin/websites/" + saved.id())).body(WebsiteView.of(saved));
    }

    @GetMapping("/users")
    @PreAuthorize("hasRole('ADMIN')")
    List<UserView> users() {
        return directory.users(currentActor.get()).stream().map(UserView::of).toList();
    }

    // --- edits and deactivation: nothing is deleted; each edit names the version it was made on ---

    @GetMapping("/bodies/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    BodyView body(@PathVariable String code) {
        return BodyView.of(directory.body(currentActor.get(), code));
    }

    @PutMapping("/bodies/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    BodyView editBody(@PathVariable String code, @RequestBody(required = false) DirectoryAdmin.BodyEdit edit) {
        return BodyView.of(directory.editBody(currentActor.get(), code,
                edit == null ? new DirectoryAdmin.BodyEdit(null, null, null, null, null) : edit));
    }

    @PostMapping("/bodies/{code}/deactivate")
    @PreAuthorize("hasRole('ADMIN')")
    BodyView deactivateBody(@PathVariable String code) {
        return BodyView.of(directory.deactivateBody(currentActor.get(), code));
    }

    @PostMapping("/bodies/{code}/activate")
    @PreAuthorize("hasRole('ADMIN')")
    BodyView activateBody(@PathVariable String code) {
        return BodyView.of(directory.activateBody(currentActor.get(), code));
    }

    /** The province's list from CSV or XLSX: all lines or none, every bad line named by its number. */
    @PostMapping(path = "/websites/import", consumes = "multipart/form-data")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Map<String, Object>> importWebsites(@org.springframework.web.bind.annotation.RequestPart("file")
                                                       org.springframework.web.multipart.MultipartFile file) {
        byte[] content;
        try {
            content = file.getBytes();
        } catch (java.io.IOException unreadable) {
            throw io.rectify.kernel.InvalidInputException.of("file", "admin.website.import.unreadable", "无法读取该文件");
        }
        List<Website> saved = directory.importWebsites(currentActor.get(),
                WebsiteSheet.read(file.getOriginalFilename(), content));
        return ResponseEntity.status(201).body(Map.of("imported", saved.size(),
                "websites", saved.stream().map(WebsiteView::of).toList()));
    }

    @GetMapping("/websites/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    WebsiteView website(@PathVariable String id) {
        return WebsiteView.of(directory.website(currentActor.get(), websiteId(id)));
    }

    @PutMapping("/websites/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    WebsiteView editWebsite(@PathVariable String id, @RequestBody(required = false) DirectoryAdmin.WebsiteEdit edit) {
        return WebsiteView.of(directory.editWebsite(currentActor.get(), websiteId(id),
                edit == null ? new DirectoryAdmin.WebsiteEdit(null, null, null, null) : edit));
    }

    @PostMapping("/websites/{id}/deactivate")
    @PreAuthorize("hasRole('ADMIN')")
    WebsiteView deactivateWebsite(@PathVariable String id) {
        return WebsiteView.of(directory.deactivateWebsite(currentActor.get(), websiteId(id)));
    }

    @PostMapping("/websites/{id}/activate")
    @PreAuthorize("hasRole('ADMIN')")
    WebsiteView activateWebsite(@PathVariable String id) {
        return WebsiteView.of(directory.activateWebsite(currentActor.get(), websiteId(id)));
    }

    @PutMapping("/users/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    Accounts.AccountView editUser(@PathVariable String username, @RequestBody(required = false) Accounts.AccountEdit edit) {
        return accounts.edit(currentActor.get(), username, edit == null ? new Accounts.AccountEdit(null, null, null) : edit);
    }

    @PostMapping("/users/{username}/deactivate")
    @PreAuthorize("hasRole('ADMIN')")
    Accounts.AccountView deactivateUser(@PathVariable String username) {
        return accounts.deactivate(currentActor.get(), username);
    }

    @PostMapping("/users/{username}/activate")
    @PreAuthorize("hasRole('ADMIN')")
    Accounts.AccountView activateUser(@PathVariable String username) {
        return accounts.activate(currentActor.get(), username);
    }

    /** A website's id as the path gives it: anything but a number names no website (404). */
    static long websiteId(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            throw new NotFoundException("website " + id);
        }
        return Long.parseLong(id);
    }

    @GetMapping("/calendar")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> calendar() {
        AdminRole.require(currentActor.get());
        int thisYear = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)).getYear();
        return Map.of("loadedYears", List.copyOf(calendar.loadedYears()),
                "missingYears", calendar.missingYears(thisYear, thisYear + 1),
                "loadedAtRunTime", schedules.loadedYears());
    }

    /**
     * Loads a year's holiday schedule (the holiday-cn JSON as the body), replacing the shipped one
     * of that year or one loaded before: checked, stored for every node, audited. The body is taken
     * as text so that each thing wrong with it is named, not only "unreadable JSON".
     */
    @PutMapping("/calendar/{year}")
    @PreAuthorize("hasRole('ADMIN')")
    HolidaySchedules.Loaded loadSchedule(@PathVariable String year, @RequestBody(required = false) String schedule) {
        var actor = currentActor.get();
        AdminRole.require(actor);
        // the year as text, read after the role check: whoever may not load a schedule hears 403, not 400
        if (!year.matches("\\d{4}")) {
            throw io.rectify.kernel.InvalidInputException.of("year", "calendar.load.yearNumber",
                    "请填写四位数的年份，例如 2027");
        }
        return schedules.load(actor.username(), Integer.parseInt(year), schedule);
    }

    @GetMapping("/incidents")
    @PreAuthorize("hasRole('ADMIN')")
    List<FailedJobs.Failure> incidents() {
        return failedJobs.list(currentActor.get());
    }

    @PostMapping("/jobs/{id}/retry")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> retry(@PathVariable String id) {
        failedJobs.retry(currentActor.get(), id);
        return Map.of("jobId", id, "retries", 1);
    }

    /** {@code pending}: an office or supervision body awaiting the security administrator's approval. */
    record BodyView(String code, String nameZh, String nameEn, String kind, String regionCode, String casePrefix,
                    boolean active, long version, boolean pending) {
        static BodyView of(Organization o) {
            return new BodyView(o.code(), o.nameZh(), o.nameEn(), o.kind().name(), o.regionCode(),
                    o.kind() == io.rectify.directory.OrgKind.OFFICE ? o.casePrefix() : null, o.active(), o.version(),
                    !o.approved());
        }
    }

    record WebsiteView(Long id, String url, String name, String orgCode, boolean active, long version, String siteCode,
                       String state, String icpNumber, String psbNumber, List<ColumnView> columns) {
        static WebsiteView of(Website w) {
            return new WebsiteView(w.id(), w.url(), w.name(), w.orgCode(), w.active(), w.version(), w.siteCode(),
                    w.state().name(), w.icpNumber(), w.psbNumber(),
                    w.columns().stream().map(c -> new ColumnView(c.name(), c.url(), c.kind().name())).toList());
        }
    }

    record ColumnView(String name, String url, String kind) {
    }

    record UserView(String username, String displayName, String role, String orgCode, boolean enabled) {
        static UserView of(AppUser u) {
            return new UserView(u.username(), u.displayName(), u.role().name(), u.orgCode(), u.enabled());
        }
    }
}
