package io.rectify.document.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.rectify.directory.Actor;
import io.rectify.document.Documents;
import io.rectify.document.IssuedDocument;
import io.rectify.document.Seals;
import io.rectify.system.web.CurrentActor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** API.md "Documents" and "Urging", and the bodies' seals for the administrator. */
@RestController
class DocumentController {

    private final Documents documents;
    private final Seals seals;
    private final CurrentActor currentActor;

    DocumentController(Documents documents, Seals seals, CurrentActor currentActor) {
        this.documents = documents;
        this.seals = seals;
        this.currentActor = currentActor;
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/api/cases/{id}/documents")
    List<DocumentView> list(@PathVariable String id) {
        return documents.of(currentActor.get(), id).stream().map(DocumentView::of).toList();
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/api/cases/{id}/documents/{documentId}")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String documentId) {
        IssuedDocument d = documents.read(currentActor.get(), id, documentId);
        return pdf(d.fileName(), d.bytes());
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/api/cases/{id}/case-file")
    ResponseEntity<byte[]> caseFile(@PathVariable String id) {
        return pdf("case-file-" + id + ".pdf", documents.caseFile(currentActor.get(), id));
    }

    /** 催办: 201 with the 催办通知's entry; the rules are in {@code CaseService#urge}. */
    @PreAuthorize("isAuthenticated()")
    @PostMapping("/api/cases/{id}/urge")
    ResponseEntity<DocumentView> urge(@PathVariable String id, @RequestBody(required = false) UrgeRequest request) {
        IssuedDocument urging = documents.urge(currentActor.get(), id, request == null ? null : request.message());
        return ResponseEntity.created(URI.create("/api/cases/" + id + "/documents/" + urging.id())).body(DocumentView.of(urging));
    }

    /** A correction of a document: a new one naming it, 201. */
    @PreAuthorize("isAuthenticated()")
    @PostMapping("/api/cases/{id}/documents/{documentId}/reissue")
    ResponseEntity<DocumentView> reissue(@PathVariable String id, @PathVariable String documentId,
                                         @RequestBody(required = false) ReissueRequest request) {
        IssuedDocument corrected = documents.reissue(currentActor.get(), id, documentId, request == null ? null : request.reason());
        return ResponseEntity.created(URI.create("/api/cases/" + id + "/documents/" + corrected.id()))
                .body(DocumentView.of(corrected));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PutMapping(path = "/api/admin/bodies/{code}/seal", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> putSeal(@PathVariable String code, @RequestPart("file") MultipartFile file) {
        byte[] png = bytes(file);
        return Map.of("orgCode", code, "sha256", seals.put(currentActor.get(), code, png), "size", png.length);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @DeleteMapping("/api/admin/bodies/{code}/seal")
    Map<String, Object> removeSeal(@PathVariable String code) {
        return Map.of("orgCode", code, "removed", seals.remove(currentActor.get(), code));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/api/admin/bodies/{code}/seal")
    ResponseEntity<byte[]> seal(@PathVariable String code) {
        Actor actor = currentActor.get();
        if (actor.role() != io.rectify.directory.Role.ADMIN) {
            throw new io.rectify.kernel.ForbiddenException("the system administrator's");
        }
        return seals.of(code)
                .map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).header("X-Content-Type-Options", "nosniff").body(png))
                .orElseThrow(() -> new io.rectify.kernel.NotFoundException("seal of " + code));
    }

    static ResponseEntity<byte[]> pdf(String fileName, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(bytes);
    }

    static byte[] bytes(MultipartFile file) {
        try {
            return file == null ? new byte[0] : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record UrgeRequest(String message) {
    }

    record ReissueRequest(String reason) {
    }

    /** API.md's entry of a document. */
    record DocumentView(String id, String kind, String number, String title, Instant issuedAt, String sha256, long size,
                        String replaces) {

        static DocumentView of(IssuedDocument d) {
            return new DocumentView(d.id(), d.kind().name(), d.number(), d.title(), d.issuedAt(), d.sha256(), d.size(),
                    d.replaces());
        }
    }
}
