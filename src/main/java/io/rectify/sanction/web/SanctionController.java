package io.rectify.sanction.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.rectify.directory.Actor;
import io.rectify.sanction.SanctionService;
import io.rectify.system.security.ExportThrottle;
import io.rectify.system.web.CurrentActor;
import io.rectify.system.web.ExportFormat;
import io.rectify.system.web.TableFile;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sanctions")
class SanctionController {

    private final SanctionService sanctions;
    private final ExportThrottle exports;
    private final CurrentActor currentActor;
    private final MessageSource messages;

    SanctionController(SanctionService sanctions, ExportThrottle exports, CurrentActor currentActor,
                       MessageSource messages) {
        this.sanctions = sanctions;
        this.exports = exports;
        this.currentActor = currentActor;
        this.messages = messages;
    }

    @PreAuthorize("hasRole('SUPERVISION')")
    @GetMapping
    List<SanctionView> search(@RequestParam(required = false) String personName,
                              @RequestParam(required = false) String orgCode) {
        return sanctions.search(currentActor.get(), personName, orgCode).stream().map(SanctionView::of).toList();
    }

    /**
     * The registry as CSV (UTF-8 with a byte order mark, for spreadsheets; the default) or, with
     * {@code format=xlsx}, as a workbook whose header and words are in the caller's language as on
     * the registry page; with the same access and masking in both, audited, a few a minute.
     */
    @PreAuthorize("hasRole('SUPERVISION')")
    @GetMapping("/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String personName,
                                  @RequestParam(required = false) String orgCode,
                                  @RequestParam(required = false) String format, Locale locale) throws IOException {
        ExportFormat as = format == null ? ExportFormat.CSV : ExportFormat.of(format);
        Actor actor = currentActor.get();
        exports.acquire(actor.username());
        List<SanctionService.RegistryEntry> entries = sanctions.export(actor, personName, orgCode);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TableFile file = as.open(bytes, text("export.sanctions.sheet", locale))) {
            if (as == ExportFormat.XLSX) {
                inWords(file, entries, locale);
            } else {
                asData(file, entries);
            }
        }
        return ResponseEntity.ok()
                .contentType(as.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("sanctions-" + LocalDate.now() + "." + as.extension()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(bytes.toByteArray());
    }

    /** The CSV as it has always been: the API's field names and values, for scripts as much as for people. */
    private static void asData(TableFile file, List<SanctionService.RegistryEntry> entries) throws IOException {
        file.header(List.of("caseId", "caseNumber", "personName", "post", "orgCode", "responsibility", "type",
                "decisionNumber", "decisionDate", "periodEnds", "executed"));
        for (SanctionService.RegistryEntry e : entries) {
            file.row(Arrays.asList(e.caseId(), e.caseNumber(), e.personName(), e.post(), e.orgCode(), e.responsibility(),
                    e.type(), e.decisionNumber(), e.decisionDate(), e.periodEnds(), String.valueOf(e.executed())));
        }
    }

    /** The workbook as the registry page shows it: the header and the words in the reader's language. */
    private void inWords(TableFile file, List<SanctionService.RegistryEntry> entries, Locale locale) throws IOException {
        file.header(List.of(text("export.sanctions.col.caseNumber", locale), text("sanctions.personName", locale),
                text("sanctions.post", locale), text("sanctions.orgCode", locale),
                text("sanctions.responsibility", locale), text("sanctions.type", locale),
                text("export.sanctions.col.decisionNumber", locale), text("export.sanctions.col.decisionDate", locale),
                text("sanctions.periodEnds", locale), text("export.sanctions.col.executed", locale)));
        for (SanctionService.RegistryEntry e : entries) {
            file.row(Arrays.asList(e.caseNumber(), e.personName(), e.post(), e.orgCode(),
                    text("sanctions.responsibility." + e.responsibility(), locale),
                    text("sanctions.type." + e.type(), locale), e.decisionNumber(), e.decisionDate(), e.periodEnds(),
                    text(e.executed() ? "export.sanctions.executed" : "sanctions.absorbed", locale)));
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    record SanctionView(String caseId, String caseNumber, String personName, String post, String orgCode,
                        String responsibility, String type, String decisionNumber, LocalDate decisionDate,
                        LocalDate periodEnds, boolean executed) {

        static SanctionView of(SanctionService.RegistryEntry e) {
            return new SanctionView(e.caseId(), e.caseNumber(), e.personName(), e.post(), e.orgCode(), e.responsibility(),
                    e.type(), e.decisionNumber(), e.decisionDate(), e.periodEnds(), e.executed());
        }
    }
}
