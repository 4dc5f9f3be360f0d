package io.rectify.directory;

import java.util.List;

/**
 * What another module holds open against a body (its open cases), told to the directory without
 * the directory knowing that module: a body with open work keeps its region and is not
 * deactivated until that work is done. Each line names one thing a person can look up.
 */
public interface BodyInUse {

    /** Open things naming the body, at most {@code limit}, each as a short line (a case number). */
    List<String> openWork(String orgCode, int limit);
}
