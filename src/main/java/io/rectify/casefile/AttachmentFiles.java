package io.rectify.casefile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

/** Evidence files in the attachments directory ({@link AttachmentSettings}). */
@Component
class AttachmentFiles implements AttachmentStore {

    private final Path dir;

    AttachmentFiles(AttachmentSettings settings) {
        this.dir = settings.dir();
    }

    @Override
    public void write(String storageName, byte[] content) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(storageName), content);
    }

    @Override
    public byte[] read(String storageName) throws IOException {
        return Files.readAllBytes(dir.resolve(storageName));
    }

    @Override
    public void delete(String storageName) throws IOException {
        Files.deleteIfExists(dir.resolve(storageName));
    }
}
