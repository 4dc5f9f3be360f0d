package io.rectify.casefile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.rectify.audit.AuditLog;
import io.rectify.directory.Actor;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.NotFoundException;
import io.rectify.kernel.UnsupportedTypeException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Evidence files of a case, for those who may see the case. */
@Service
@Transactional
public class AttachmentService {

    private static final int MAX_NAME = 255;

    private final AttachmentRepository attachments;
    private final CaseService cases;
    private final AuditLog audit;
    private final Path dir;
    private final Clock clock;

    AttachmentService(AttachmentRepository attachments, CaseService cases, AuditLog audit, AttachmentSettings settings,
                      Clock clock) {
        this.attachments = attachments;
        this.cases = cases;
        this.audit = audit;
        this.dir = settings.dir();
        this.clock = clock;
    }

    public Attachment store(Actor actor, String caseId, String originalName, byte[] content) {
        RectificationCase c = cases.visible(actor, caseId);
        String name = displayName(originalName);
        String type = acceptedType(name, content);
        String id = UUID.randomUUID().toString();
        String storageName = UUID.randomUUID().toString();
        write(storageName, content);
        Attachment attachment = attachments.save(new Attachment(id, c.id(), name, type, content.length, sha256(content),
                storageName, actor.username(), clock.instant()));
        audit.record(actor.username(), "ATTACHMENT_ADDED", caseId, name + " " + attachment.sha256());
        return attachment;
    }

    /**
     * Checks a file as {@link #store} would, without storing it: for a page that must refuse a
     * bad file before it does anything else (opening a case with its evidence).
     */
    public void check(String originalName, byte[] content) {
        acceptedType(displayName(originalName), content);
    }

    private static String acceptedType(String name, byte[] content) {
        if (content.length == 0) {
            throw InvalidInputException.of("file", "attachment.empty", "文件是空的");
        }
        return ContentTypes.detect(content, name).orElseThrow(() -> new UnsupportedTypeException(
                "只接受 PDF、PNG、JPEG、GIF、DOCX、XLSX、TXT/CSV，且扩展名须与文件内容一致"));
    }

    @Transactional(readOnly = true)
    public List<Attachment> of(Actor actor, String caseId) {
        return attachments.findByCaseIdOrderByUploadedAt(cases.visible(actor, caseId).id());
    }

    /** The file, checked against the hash taken when it was uploaded. */
    @Transactional(readOnly = true)
    public Download read(Actor actor, String caseId, String attachmentId) {
        RectificationCase c = cases.visible(actor, caseId);
        Attachment attachment = attachments.findByIdAndCaseId(attachmentId, c.id())
                .orElseThrow(() -> new NotFoundException("attachment " + attachmentId));
        byte[] content;
        try {
            content = Files.readAllBytes(dir.resolve(attachment.storageName()));
        } catch (IOException e) {
            throw new UncheckedIOException("attachment " + attachmentId + " is missing from storage", e);
        }
        if (!sha256(content).equals(attachment.sha256())) {
            throw new IllegalStateException("attachment " + attachmentId + " does not match its recorded SHA-256");
        }
        return new Download(attachment, content);
    }

    public record Download(Attachment attachment, byte[] content) {
    }

    /** The file is written before the row; if the transaction rolls back, the file goes too. */
    private void write(String storageName, byte[] content) {
        Path target = dir.resolve(storageName);
        try {
            Files.createDirectories(dir);
            Files.write(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store attachment", e);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    try {
                        Files.deleteIfExists(target);
                    } catch (IOException ignored) {
                        // an orphan file holds nothing the database refers to
                    }
                }
            }
        });
    }

    /** The name a person sees: no folders, no control characters, never used as a path. */
    static String displayName(String originalName) {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw InvalidInputException.of("file", "attachment.name", "文件名不能为空");
        }
        return name.length() > MAX_NAME ? name.substring(name.length() - MAX_NAME) : name;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
