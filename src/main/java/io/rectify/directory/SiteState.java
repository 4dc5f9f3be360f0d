package io.rectify.directory;

/** Whether a registered website is online (and watched) or has been closed down (关停). */
public enum SiteState {
    OPEN, CLOSED
}
