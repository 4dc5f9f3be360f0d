package io.rectify.inspection;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The reply a 通报 from above asks for (整改情况 and 问责情况), laid out and frozen by the document
 * module like the other documents: implemented there, which reads the sanctions of the lines' cases,
 * so that this module needs no document or sanction types.
 */
public interface ReplyDocuments {

    /** Lays the reply out as the importing office issues it on {@code issuedOn} and freezes it; the caller checked who and once. */
    CircularDocuments.Issued issue(CircularFromAbove circular, LocalDate issuedOn, String actor);

    /** The reply with its bytes, checked against its recorded SHA-256; empty before it is issued. */
    Optional<CircularDocuments.Issued> of(long circularId);
}
