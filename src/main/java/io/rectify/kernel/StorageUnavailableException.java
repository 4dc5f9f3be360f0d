package io.rectify.kernel;

/**
 * The file store cannot take a file now, and nothing of it was kept: the volume is full (507
 * Insufficient Storage) or read-only (503). Neither is the caller's mistake nor a bug: the
 * administrator frees space or remounts the volume, then the same upload succeeds.
 */
public class StorageUnavailableException extends RuntimeException {

    private final boolean full;

    private StorageUnavailableException(String reason, boolean full, Throwable cause) {
        super(reason, cause);
        this.full = full;
    }

    public static StorageUnavailableException full(Throwable cause) {
        return new StorageUnavailableException("the file store is full", true, cause);
    }

    public static StorageUnavailableException readOnly(Throwable cause) {
        return new StorageUnavailableException("the file store is read-only", false, cause);
    }

    /** full (507) rather than read-only (503) */
    public boolean full() {
        return full;
    }
}
