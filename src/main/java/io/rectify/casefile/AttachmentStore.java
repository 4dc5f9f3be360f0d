package io.rectify.casefile;

import java.io.IOException;

/**
 * Where the bytes of evidence files live, under generated names. The one implementation keeps
 * them as files of a volume ({@link AttachmentFiles}); this seam lets a test have the volume fail
 * as a full or read-only one does, with the exceptions the JDK throws then.
 */
interface AttachmentStore {

    /** Writes the whole file; on failure part of it may be left behind. */
    void write(String storageName, byte[] content) throws IOException;

    byte[] read(String storageName) throws IOException;

    /** Removes the file if it is there. */
    void delete(String storageName) throws IOException;
}
