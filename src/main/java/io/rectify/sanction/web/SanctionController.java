package io.rectify.sanction.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import io.rectify.directory.Actor;
import io.rectify.sanction.SanctionService;
import io.rectify.system.security.ExportThrottle;
import io.rectify.system.web.CurrentActor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sanctions")
class SanctionController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final SanctionService sanctions;
    private final ExportThrottle exports;
    private final CurrentActor currentActor;

    SanctionController(SanctionService sanctions, ExportThrottle exports, CurrentActor currentActor) {
        this.sanctions = sanctions;
        this.exports = exports;
        this.currentActor = currentActor;
    }

    @PreAuthorize("hasRole('SUPERVISION')")
    @GetMapping
    List<SanctionView> search(@RequestParam(required = false) String personName,
                              @RequestParam(required = false) String orgCode) {
        return sanctions.search(currentActor.get(), personName, orgCode).stream().map(SanctionView::of).toList();
    }

    /** The registry as CSV (UTF-8 with a byte order mark, for spreadsheets), with the same access and masking; a few a minute. */
    @PreAuthorize("hasRole('SUPERVISION')")
    @GetMapping("/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String personName,
                                  @RequestParam(required = false) String orgCode) {
        Actor actor = currentActor.get();
        exports.acquire(actor.username());
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append("caseId,caseNumber,personName,post,orgCode,responsibility,type,decisionNumber,decisionDate,periodEnds,executed\r\n");
        for (SanctionService.RegistryEntry e : sanctions.export(actor, personName, orgCode)) {
            csv.append(String.join(",", cell(e.caseId()), cell(e.caseNumber()), cell(e.personName()), cell(e.post()),
                    cell(e.orgCode()), cell(e.responsibility()), cell(e.type()), cell(e.decisionNumber()),
                    cell(e.decisionDate()), cell(e.periodEnds()), cell(e.executed()))).append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("sanctions-" + LocalDate.now() + ".csv").build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One quoted CSV cell. A text a spreadsheet would read as a formula (=, +, -, @) is prefixed
     * with an apostrophe, so an exported name cannot run anything when the file is opened.
     */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
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
