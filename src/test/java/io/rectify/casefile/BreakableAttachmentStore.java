package io.rectify.casefile;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The attachment files of the test application, which a test can have fail as a full or a
 * read-only volume does, with the exceptions the JDK throws then: a full disk after part of the
 * file was written, a read-only one before anything was.
 */
public class BreakableAttachmentStore implements AttachmentStore {

    private final AttachmentStore files;
    private final AtomicReference<Failure> failure = new AtomicReference<>();

    BreakableAttachmentStore(AttachmentStore files) {
        this.files = files;
    }

    /** Writes fail as on a full disk: half the file is written, then ENOSPC. */
    public void full() {
        failure.set(Failure.FULL);
    }

    /** Writes fail as on a volume mounted read-only: EROFS when the file is created. */
    public void readOnly() {
        failure.set(Failure.READ_ONLY);
    }

    /** Writes fail as in a directory the application may not write to. */
    public void denied() {
        failure.set(Failure.DENIED);
    }

    public void repaired() {
        failure.set(null);
    }

    @Override
    public void write(String storageName, byte[] content) throws IOException {
        Failure now = failure.get();
        if (now == null) {
            files.write(storageName, content);
            return;
        }
        switch (now) {
            case FULL -> {
                files.write(storageName, Arrays.copyOf(content, content.length / 2));
                // what FileOutputStream.write throws when the device fills up mid-file
                throw new IOException("No space left on device");
            }
            case READ_ONLY -> throw new FileSystemException(storageName, null, "Read-only file system");
            case DENIED -> throw new AccessDeniedException(storageName);
        }
    }

    @Override
    public byte[] read(String storageName) throws IOException {
        return files.read(storageName);
    }

    @Override
    public void delete(String storageName) throws IOException {
        files.delete(storageName);
    }

    private enum Failure { FULL, READ_ONLY, DENIED }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        BreakableAttachmentStore breakableAttachmentStore(AttachmentFiles files) {
            return new BreakableAttachmentStore(files);
        }
    }
}
