package io.rectify.casefile;

/** A file a person hands in with a step of the case, as it came: its name and its bytes. */
public record Evidence(String name, byte[] content) {
}
