package io.rectify.casefile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.ReadOnlyFileSystemException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.rectify.audit.AuditLog;
import io.rectify.directory.Actor;
import io.rectify.kernel.ConflictException;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.NotFoundException;
import io.rectify.kernel.StorageUnavailableException;
import io.rectify.kernel.UnsafeText;
import io.rectify.kernel.UnsupportedTypeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Evidence files of a case, for those who may see the case. A file is stored with its row or not
 * at all: a volume that fails leaves no part of the file and, through the transaction, no row.
 */
@Service
@Transactional
public class AttachmentService {

    private static final Logger log = LoggerFactory.getLogger(AttachmentService.class);
    private static final int MAX_NAME = 255;

    private final AttachmentRepository attachments;
    private final CaseService cases;
    private final AuditLog audit;
    private final AttachmentStore files;
    private final Clock clock;

    AttachmentService(AttachmentRepository attachments, CaseService cases, AuditLog audit, AttachmentStore files,
                      Clock clock) {
        this.attachments = attachments;
        this.cases = cases;
        this.audit = audit;
        this.files = files;
        this.clock = clock;
    }

    /** Stores each file on the case, all in the caller's transaction or none. */
    public void storeAll(Actor actor, String caseId, List<Evidence> evidence) {
        for (Evidence file : evidence) {
            store(actor, caseId, file.name(), file.content());
        }
    }

    public Attachment store(Actor actor, String caseId, String originalName, byte[] content) {
        RectificationCase c = cases.visible(actor, caseId);
        if (c.status() == CaseStatus.CLOSED) {
            throw new ConflictException("案件已结案，不能再添加附件 / The case is closed: no more attachments");
        }
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

    /** The evidence of a case, oldest first, for what the system itself writes (an order's list of evidence). */
    @Transactional(readOnly = true)
    public List<Attachment> ofCase(String caseId) {
        return attachments.findByCaseIdOrderByUploadedAt(caseId);
    }

    /** The file, checked against the hash taken when it was uploaded; each download is on the record. */
    public Download read(Actor actor, String caseId, String attachmentId) {
        RectificationCase c = cases.visible(actor, caseId);
        Attachment attachment = attachments.findByIdAndCaseId(attachmentId, c.id())
                .orElseThrow(() -> new NotFoundException("attachment " + attachmentId));
        byte[] content;
        try {
            content = files.read(attachment.storageName());
        } catch (IOException e) {
            throw new UncheckedIOException("attachment " + attachmentId + " is missing from storage", e);
        }
        if (!sha256(content).equals(attachment.sha256())) {
            throw new IllegalStateException("attachment " + attachmentId + " does not match its recorded SHA-256");
        }
        audit.record(actor.username(), "ATTACHMENT_READ", caseId, attachment.name() + " " + attachment.sha256());
        return new Download(attachment, content);
    }

    public record Download(Attachment attachment, byte[] content) {
    }

    /**
     * The file is written before the row; if the transaction rolls back, the file goes too. A write
     * that fails takes what it left behind with it, and a full or read-only volume is told as such.
     */
    private void write(String storageName, byte[] content) {
        try {
            files.write(storageName, content);
        } catch (IOException | ReadOnlyFileSystemException e) {
            forget(storageName);
            throw unavailable(e);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    forget(storageName);
                }
            }
        });
    }

    private void forget(String storageName) {
        try {
            files.delete(storageName);
        } catch (IOException e) {
            // an orphan file holds nothing the database refers to; the log says where it is
            log.warn("could not remove the unreferenced attachment file {}: {}", storageName, e.toString());
        }
    }

    /**
     * What a failed write means to the person uploading: a full volume (ENOSPC, or a quota) and a
     * read-only one (EROFS, or no permission to write) are the administrator's to fix and say so;
     * anything else is a fault of ours. A write that runs out of space fails with a plain
     * IOException, creating a file with a FileSystemException: both carry the system's message.
     */
    static RuntimeException unavailable(Exception e) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        String said = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (said.contains("no space left on device") || said.contains("not enough space on the disk")
                || said.contains("disk quota exceeded")) {
            return StorageUnavailableException.full(e);
        }
        if (e instanceof AccessDeniedException || e instanceof ReadOnlyFileSystemException
                || said.contains("read-only file system")) {
            return StorageUnavailableException.readOnly(e);
        }
        return e instanceof IOException io ? new UncheckedIOException("cannot store attachment", io)
                : new IllegalStateException("cannot store attachment", e);
    }

    /**
     * The name a person sees: no folders, no quotes, none of the characters that hide or reorder
     * what a reader sees (a NUL, a right-to-left override turning "fdp.exe" into "exe.pdf"), never
     * used as a path.
     */
    static String displayName(String originalName) {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = UnsafeText.neutralised(name).replace("\"", "").strip();
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
