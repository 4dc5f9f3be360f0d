package io.rectify.casefile;

import java.time.Instant;
import java.util.List;

/** The official documents issued on a case, as the document module keeps them, for the case page. */
public interface CaseDocuments {

    /** The documents of a case whose visibility the caller checked, in the order issued. */
    List<Listed> of(String caseId);

    record Listed(String id, String kind, String number, String title, Instant issuedAt, String sha256, long size,
                  String replaces) {
    }
}
