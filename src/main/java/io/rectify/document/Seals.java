package io.rectify.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import javax.imageio.ImageIO;

import io.rectify.audit.AuditLog;
import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.directory.Role;
import io.rectify.kernel.ForbiddenException;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seal (印章) of a body, a PNG the system administrator uploads, printed over the 落款 of the
 * documents the body issues from then on. Documents already issued keep what they were issued with.
 * A body without a seal issues documents whose 落款 stands alone: no seal is ever drawn for it.
 */
@Service
@Transactional
public class Seals {

    /** the largest seal image accepted, in bytes */
    public static final int MAX_BYTES = 512 * 1024;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private final JdbcTemplate jdbc;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;

    Seals(JdbcTemplate jdbc, Directory directory, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** A body's seal, for its documents. */
    @Transactional(readOnly = true)
    public Optional<byte[]> of(String orgCode) {
        return jdbc.query("select image from body_seal where org_code = ?", (row, n) -> row.getBytes(1), orgCode)
                .stream().findFirst();
    }

    /** Sets (or replaces) a body's seal; returns its SHA-256. */
    public String put(Actor actor, String orgCode, byte[] png) {
        requireAdmin(actor);
        if (directory.findOrganization(orgCode).isEmpty()) {
            throw new NotFoundException("body " + orgCode);
        }
        if (png == null || png.length == 0) {
            throw InvalidInputException.of("file", "seal.required", "请选择印章图片（PNG）");
        }
        if (png.length > MAX_BYTES) {
            throw InvalidInputException.of("file", "seal.tooLarge", "印章图片不能超过 512 KB");
        }
        if (!isPng(png)) {
            throw InvalidInputException.of("file", "seal.notPng", "印章图片应为 PNG 格式");
        }
        String sha256 = sha256(png);
        jdbc.update("delete from body_seal where org_code = ?", orgCode);
        jdbc.update("insert into body_seal (org_code, image, sha256, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?)",
                orgCode, png, sha256, actor.username(), Timestamp.from(clock.instant()));
        audit.record(actor.username(), "SEAL_SET", null, orgCode + " " + sha256);
        return sha256;
    }

    /** Removes a body's seal: its next documents carry none. Returns whether it had one. */
    public boolean remove(Actor actor, String orgCode) {
        requireAdmin(actor);
        boolean removed = jdbc.update("delete from body_seal where org_code = ?", orgCode) > 0;
        if (removed) {
            audit.record(actor.username(), "SEAL_REMOVED", null, orgCode);
        }
        return removed;
    }

    private static void requireAdmin(Actor actor) {
        if (actor.role() != Role.ADMIN) {
            throw new ForbiddenException("only the system administrator keeps the bodies' seals");
        }
    }

    /** A PNG by its signature that decodes as an image. */
    private static boolean isPng(byte[] content) {
        if (content.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (content[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        try {
            return ImageIO.read(new ByteArrayInputStream(content)) != null;
        } catch (IOException e) {
            return false;
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
