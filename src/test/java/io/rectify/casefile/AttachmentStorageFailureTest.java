package io.rectify.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.ReadOnlyFileSystemException;

import io.rectify.kernel.StorageUnavailableException;
import org.junit.jupiter.api.Test;

/** What a failed write of an evidence file means, told from the exceptions the JDK throws. */
class AttachmentStorageFailureTest {

    @Test
    void aFullDiskOrQuotaIsAFullStore() {
        assertThat(full(new IOException("No space left on device"))).isTrue();
        assertThat(full(new FileSystemException("/data/attachments/x", null, "No space left on device"))).isTrue();
        assertThat(full(new FileSystemException("/data/attachments/x", null, "Disk quota exceeded"))).isTrue();
        assertThat(full(new IOException("There is not enough space on the disk"))).isTrue();
    }

    @Test
    void aReadOnlyOrForbiddenVolumeIsAReadOnlyStore() {
        assertThat(full(new FileSystemException("/data/attachments/x", null, "Read-only file system"))).isFalse();
        assertThat(full(new AccessDeniedException("/data/attachments/x"))).isFalse();
        assertThat(full(new ReadOnlyFileSystemException())).isFalse();
    }

    @Test
    void anyOtherFailureIsOurFaultNotTheStores() {
        assertThat(AttachmentService.unavailable(new IOException("Input/output error")))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(AttachmentService.unavailable(new FileSystemException("/data/attachments/x", null, "Too many open files")))
                .isInstanceOf(UncheckedIOException.class);
    }

    private static boolean full(Exception e) {
        RuntimeException told = AttachmentService.unavailable(e);
        assertThat(told).isInstanceOf(StorageUnavailableException.class).hasCause(e);
        return ((StorageUnavailableException) told).full();
    }
}
