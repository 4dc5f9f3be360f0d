package io.rectify.inspection.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rectify.inspection.CircularDocuments;
import io.rectify.inspection.CircularFromAbove;
import io.rectify.inspection.CircularsFromAbove;
import io.rectify.kernel.InvalidInputException;
import io.rectify.system.web.CurrentActor;
import io.rectify.system.web.SheetRows;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 通报 from above: imported by an office's supervisor, followed line by line, answered by the reply (src/docs/inspections.md). */
@RestController
@RequestMapping("/api/inspections/circulars")
class CircularFromAboveController {

    private final CircularsFromAbove circulars;
    private final CurrentActor currentActor;

    CircularFromAboveController(CircularsFromAbove circulars, CurrentActor currentActor) {
        this.circulars = circulars;
        this.currentActor = currentActor;
    }

    /** Imports the list: all lines or none, every bad line named by its number. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> importList(@RequestPart("file") MultipartFile file,
                                                   @RequestParam(required = false) String issuer,
                                                   @RequestParam(required = false) String number,
                                                   @RequestParam(required = false) String issuedOn,
                                                   @RequestParam(required = false) String replyDue,
                                                   @RequestParam(required = false) String opens) {
        CircularFromAbove imported = circulars.importList(currentActor.get(),
                new CircularsFromAbove.Heading(issuer, number, issuedOn, replyDue, opens), rows(file));
        return ResponseEntity.created(URI.create("/api/inspections/circulars/" + imported.id())).body(view(imported));
    }

    /** The file's rows, the heading first. */
    static List<SheetRows.Line> rows(MultipartFile file) {
        try {
            return SheetRows.read(file.getOriginalFilename(), file.getBytes(), CircularsFromAbove.MAX_LINES + 1);
        } catch (IOException unreadable) {
            throw InvalidInputException.of("file", "upload.sheet.unreadable", "无法读取该文件");
        }
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping
    List<Map<String, Object>> list() {
        return circulars.list(currentActor.get()).stream().map(CircularFromAboveController::summary).toList();
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/{id}")
    Map<String, Object> show(@PathVariable long id) {
        CircularFromAbove circular = circulars.visible(currentActor.get(), id);
        Map<String, Object> view = view(circular);
        view.put("reply", circulars.replyOf(currentActor.get(), id).map(CampaignController::tongbaoView).orElse(null));
        return view;
    }

    /** Issues the reply (once): 201 with its entry. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @PostMapping("/{id}/reply")
    ResponseEntity<Map<String, Object>> reply(@PathVariable long id) {
        CircularDocuments.Issued issued = circulars.reply(currentActor.get(), id);
        return ResponseEntity.created(URI.create("/api/inspections/circulars/" + id + "/reply.pdf"))
                .body(CampaignController.tongbaoView(issued));
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/{id}/reply.pdf")
    ResponseEntity<byte[]> replyPdf(@PathVariable long id) {
        CircularDocuments.Issued issued = circulars.readReply(currentActor.get(), id);
        return CampaignController.download(issued.fileName(), MediaType.APPLICATION_PDF, issued.bytes());
    }

    static Map<String, Object> summary(CircularFromAbove c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", c.id());
        view.put("issuer", c.issuer());
        view.put("number", c.number());
        view.put("issuedOn", c.issuedOn());
        view.put("replyDue", c.replyDue());
        view.put("opensCases", c.opensCases());
        view.put("officeCode", c.officeCode());
        view.put("regionCode", c.regionCode());
        view.put("importedAt", c.importedAt());
        view.put("importedBy", c.importedBy());
        return view;
    }

    static Map<String, Object> view(CircularFromAbove c) {
        Map<String, Object> view = summary(c);
        view.put("lines", c.lines().stream().map(l -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("line", l.lineNo());
            line.put("websiteId", l.websiteId());
            line.put("websiteName", l.websiteName());
            line.put("websiteUrl", l.websiteUrl());
            line.put("orgCode", l.orgCode());
            line.put("indicator", l.indicator());
            line.put("defect", l.defect());
            line.put("findingId", l.findingId());
            line.put("findingStatus", l.findingStatus());
            line.put("caseId", l.caseId());
            line.put("caseNumber", l.caseNumber());
            line.put("caseStatus", l.caseStatus());
            line.put("outcome", l.outcome());
            line.put("closedAt", l.closedAt());
            line.put("done", l.done());
            return line;
        }).toList());
        return view;
    }
}
