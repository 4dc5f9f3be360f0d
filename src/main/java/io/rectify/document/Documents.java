package io.rectify.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.rectify.audit.AuditLog;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.CaseAccess;
import io.rectify.casefile.CaseRecord;
import io.rectify.casefile.CaseRecordKind;
import io.rectify.casefile.CaseService;
import io.rectify.casefile.OpenTasks;
import io.rectify.casefile.RectificationCase;
import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.directory.Role;
import io.rectify.document.DocumentContent.Content;
import io.rectify.document.DocumentModels.FileDocument;
import io.rectify.kernel.ForbiddenException;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.NotFoundException;
import io.rectify.kernel.UnsafeText;
import io.rectify.notification.Notifications;
import io.rectify.process.CaseTasks;
import org.apache.commons.lang3.StringUtils;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The official documents of cases: issued when what they record happens, in that transaction,
 * rendered once and frozen (bytes and SHA-256 stored, never rendered again), listed and downloaded
 * by whoever may see the case, corrected only by a new document naming the one it replaces.
 */
@Service
@Transactional
public class Documents {

    private final DocumentStore store;
    private final DocumentRenderer renderer;
    private final DocumentContent content;
    private final CaseService cases;
    private final CaseAccess access;
    private final OpenTasks openTasks;
    private final Notifications notifications;
    private final AuditLog audit;
    private final Clock clock;

    Documents(DocumentStore store, DocumentRenderer renderer, DocumentContent content, CaseService cases, CaseAccess access,
              OpenTasks openTasks, Notifications notifications, AuditLog audit, Clock clock) {
        this.store = store;
        this.renderer = renderer;
        this.content = content;
        this.cases = cases;
        this.access = access;
        this.openTasks = openTasks;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reading ---------------------------------------------------------------------------------

    /**
     * The newest document of a kind on a case, with its bytes, for what the system sends on its own
     * (the order's mail); no caller is checked, so never hand it to a request unchecked.
     */
    @Transactional(readOnly = true)
    public Optional<IssuedDocument> latest(String caseId, DocumentKind kind) {
        return store.latest(caseId, kind);
    }

    /** The documents of a case the actor may see, without their bytes, in the order issued; 404 otherwise. */
    @Transactional(readOnly = true)
    public List<IssuedDocument> of(Actor actor, String caseId) {
        return store.list(cases.visible(actor, caseId).id());
    }

    /** One document as issued, checked against its SHA-256; each download is on the record. */
    public IssuedDocument read(Actor actor, String caseId, String documentId) {
        RectificationCase c = cases.visible(actor, caseId);
        IssuedDocument d = store.find(c.id(), documentId).orElseThrow(() -> new NotFoundException("document " + documentId));
        if (!Seals.sha256(d.bytes()).equals(d.sha256())) {
            throw new IllegalStateException("document " + documentId + " does not match its recorded SHA-256");
        }
        audit.record(actor.username(), "DOCUMENT_READ", caseId, d.number() + " " + d.sha256());
        return d;
    }

    // ---- issuing ---------------------------------------------------------------------------------

    IssuedDocument issueOrder(String caseId, String actor) {
        RectificationCase c = cases.load(caseId);
        return issue(c, DocumentKind.ORDER, content.order(c, cases.today()), actor, null);
    }

    IssuedDocument issueReferral(String caseId, String reason) {
        RectificationCase c = cases.load(caseId);
        return issue(c, DocumentKind.REFERRAL, content.referral(c, reason, cases.today(), next(caseId, DocumentKind.REFERRAL)),
                "system", null);
    }

    IssuedDocument issueVerification(String caseId, String actor) {
        RectificationCase c = cases.load(caseId);
        return issue(c, DocumentKind.VERIFICATION,
                content.verification(c, cases.today(), next(caseId, DocumentKind.VERIFICATION)), actor, null);
    }

    IssuedDocument issueSanctionRecord(String caseId, String actor, String issuerOrgCode) {
        RectificationCase c = cases.load(caseId);
        return issue(c, DocumentKind.SANCTION_RECORD,
                content.sanctionRecord(c, issuerOrgCode, cases.today(), next(caseId, DocumentKind.SANCTION_RECORD)), actor, null);
    }

    /**
     * 催办 (API.md "Urging"): the case record, the 催办通知 and the respondent's URGED notification, in
     * one transaction; the rules are {@link CaseService#urge}'s.
     */
    public IssuedDocument urge(Actor actor, String caseId, String message) {
        boolean respondPending = openTasks.of(caseId).stream().anyMatch(t -> CaseTasks.RESPOND.equals(t.taskKey()));
        RectificationCase c = cases.urge(caseId, actor, message, respondPending);
        IssuedDocument urging = issue(c, DocumentKind.URGING,
                content.urging(c, actor.orgCode(), message, cases.today(), next(caseId, DocumentKind.URGING)),
                actor.username(), null);
        notifications.send(caseId, "URGED", Directory.groupOf(c.respondentOrgCode()), "URGED:" + caseId + ":" + urging.id());
        return urging;
    }

    /**
     * A correction: the document made again from the case as it stands (a body's name or seal set
     * right since), with the same number, naming the one it replaces. The replaced one stays, frozen.
     * A supervisor of the opening office or above corrects the office's documents; the supervision
     * body that may read the sanctions corrects the register.
     */
    public IssuedDocument reissue(Actor actor, String caseId, String documentId, String reason) {
        cases.lock(caseId);
        RectificationCase c = cases.visible(actor, caseId);
        IssuedDocument old = store.find(c.id(), documentId).orElseThrow(() -> new NotFoundException("document " + documentId));
        boolean allowed = old.kind() == DocumentKind.SANCTION_RECORD
                ? actor.role() == Role.SUPERVISION && access.canSeeSanctions(actor, c)
                : cases.mayUrge(actor, c);
        if (!allowed) {
            throw new ForbiddenException("only the issuing office (or one above it) corrects its documents");
        }
        if (StringUtils.isBlank(reason) || reason.length() > 500) {
            throw InvalidInputException.of("reason", StringUtils.isBlank(reason) ? "form.required" : "form.maxLength",
                    StringUtils.isBlank(reason) ? "请写明更正理由" : "更正理由不能超过 500 字", "reason", 500);
        }
        UnsafeText.problem("reason", reason).ifPresent(p -> {
            throw new InvalidInputException(List.of(p));
        });
        LocalDate today = cases.today();
        Content made = switch (old.kind()) {
            case ORDER -> content.order(c, LocalDate.ofInstant(old.issuedAt(), WorkingDayCalendar.ZONE));
            case URGING -> content.urging(c, actor.orgCode(), urgeMessageOf(c, old.issuedAt()), today, 1);
            case REFERRAL -> content.referral(c, c.escalationReason(), today, 1);
            case VERIFICATION -> content.verification(c, today, 1);
            case SANCTION_RECORD -> content.sanctionRecord(c, actor.orgCode(), today, 1);
            // a campaign's and a 通报 from above's, never found on a case
            case TONGBAO, CIRCULAR_REPLY -> throw new IllegalStateException(old.kind() + " is not a case's document");
        };
        // a correction keeps the number of the document it corrects
        Content corrected = new Content(old.number(), made.title(), withNumber(made, old.number()));
        IssuedDocument issued = issue(c, old.kind(), corrected, actor.username(), old.id());
        audit.record(actor.username(), "DOCUMENT_REISSUED", caseId, old.number() + " replaces " + old.sha256() + ": " + reason.strip());
        return issued;
    }

    private static java.util.Map<String, Object> withNumber(Content made, String number) {
        java.util.Map<String, Object> variables = new java.util.HashMap<>(made.variables());
        DocumentModels.Letter doc = (DocumentModels.Letter) variables.get("doc");
        variables.put("doc", new DocumentModels.Letter(doc.kind(), number, doc.title(), doc.issuerName(), doc.markSize(),
                doc.addressee(), doc.date(), doc.seal()));
        return variables;
    }

    /** The message of the urge a 催办通知 was issued for: the last one recorded by then. */
    private String urgeMessageOf(RectificationCase c, Instant issuedAt) {
        return cases.records(c.id()).stream()
                .filter(r -> r.kind() == CaseRecordKind.URGED && !r.occurredAt().isAfter(issuedAt))
                .reduce((first, second) -> second)
                .map(CaseRecord::summary).orElse("");
    }

    private int next(String caseId, DocumentKind kind) {
        return store.originals(caseId, kind) + 1;
    }

    private IssuedDocument issue(RectificationCase c, DocumentKind kind, Content made, String actor, String replaces) {
        byte[] pdf = renderer.render(kind.template(), made.variables());
        IssuedDocument d = new IssuedDocument(UUID.randomUUID().toString(), c.id(), null, null, kind, made.number(),
                StringUtils.abbreviate(made.title(), 600), clock.instant(), StringUtils.abbreviate(actor, 60),
                Seals.sha256(pdf), pdf.length, replaces, pdf);
        store.insert(d);
        audit.record(actor, "DOCUMENT_ISSUED", c.id(), kind.name() + " " + d.number() + " " + d.sha256());
        return d;
    }

    // ---- the case file ---------------------------------------------------------------------------

    /**
     * 案卷: cover, contents, records, evidence with hashes and the case's audit trail, then every
     * document as issued (its own pages, unchanged), one PDF with a bookmark for each part. Made on
     * request, not stored; the reading is on the record.
     */
    public byte[] caseFile(Actor actor, String caseId) {
        RectificationCase c = cases.visible(actor, caseId);
        boolean findings = access.canSeeReviewFindings(actor, c);
        List<IssuedDocument> issued = store.listWithContent(c.id());
        Instant madeAt = clock.instant();
        try {
            List<PDDocument> parts = new ArrayList<>();
            try {
                for (IssuedDocument d : issued) {
                    parts.add(Loader.loadPDF(d.bytes()));
                }
                // the contents name the page each document starts on, which depends on how long the
                // file's own pages are: laid out until the guess holds (twice, as a rule)
                int ownPages = 5;
                byte[] own;
                PDDocument file;
                while (true) {
                    own = renderer.render(DocumentSamples.CASE_FILE_TEMPLATE,
                            content.caseFile(c, fileDocuments(issued, parts, ownPages), findings, madeAt));
                    file = Loader.loadPDF(own);
                    if (file.getNumberOfPages() == ownPages) {
                        break;
                    }
                    ownPages = file.getNumberOfPages();
                    file.close();
                }
                try (PDDocument merged = file) {
                    append(merged, issued, parts);
                    ByteArrayOutputStream out = new ByteArrayOutputStream(own.length * 2);
                    merged.save(out);
                    audit.record(actor.username(), "CASE_FILE_READ", caseId, issued.size() + " document(s)");
                    return out.toByteArray();
                }
            } finally {
                for (PDDocument part : parts) {
                    part.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the case file of " + caseId, e);
        }
    }

    private static List<FileDocument> fileDocuments(List<IssuedDocument> issued, List<PDDocument> parts, int ownPages) {
        List<FileDocument> listed = new ArrayList<>();
        int page = ownPages + 1;
        for (int i = 0; i < issued.size(); i++) {
            IssuedDocument d = issued.get(i);
            listed.add(new FileDocument(d.number(), d.title(), d.sha256(), page));
            page += parts.get(i).getNumberOfPages();
        }
        return listed;
    }

    private static void append(PDDocument file, List<IssuedDocument> issued, List<PDDocument> parts) throws IOException {
        PDDocumentOutline outline = file.getDocumentCatalog().getDocumentOutline();
        if (outline == null) {
            outline = new PDDocumentOutline();
            file.getDocumentCatalog().setDocumentOutline(outline);
        }
        if (issued.isEmpty()) {
            return;
        }
        PDOutlineItem documents = new PDOutlineItem();
        documents.setTitle("已发文书");
        outline.addLast(documents);
        PDFMergerUtility merger = new PDFMergerUtility();
        for (int i = 0; i < issued.size(); i++) {
            int first = file.getNumberOfPages();
            PDDocument part = parts.get(i);
            // the document's own bookmarks would join the file's; its entry below stands for it
            part.getDocumentCatalog().setDocumentOutline(null);
            merger.appendDocument(file, part);
            PDOutlineItem item = new PDOutlineItem();
            IssuedDocument d = issued.get(i);
            item.setTitle(d.number() + " " + d.title() + (d.replaces() == null ? "" : "（更正）"));
            PDPageFitDestination destination = new PDPageFitDestination();
            destination.setPage(file.getPage(first));
            item.setDestination(destination);
            documents.addLast(item);
            if (i == 0) {
                PDPageFitDestination start = new PDPageFitDestination();
                start.setPage(file.getPage(first));
                documents.setDestination(start);
            }
        }
    }
}
