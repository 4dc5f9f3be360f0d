package io.rectify.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The frozen documents, bytes and all, in {@code case_document}: written once, in the transaction
 * that issues them, and never updated. Plain SQL: one statement per write or read.
 */
@Component
class DocumentStore {

    private static final String COLUMNS = "id, case_id, kind, number, title, issued_at, issued_by, sha256, size_bytes, replaces";

    private final JdbcTemplate jdbc;

    DocumentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(IssuedDocument d) {
        jdbc.update("insert into case_document (" + COLUMNS + ", content) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.id(), d.caseId(), d.kind().name(), d.number(), d.title(), Timestamp.from(d.issuedAt()), d.issuedBy(),
                d.sha256(), d.size(), d.replaces(), d.bytes());
    }

    /** The documents of a case without their bytes, in the order they were issued. */
    List<IssuedDocument> list(String caseId) {
        return jdbc.query("select " + COLUMNS + " from case_document where case_id = ? order by issued_at, id",
                (row, n) -> document(row, null), caseId);
    }

    /** The documents of a case with their bytes, in the order they were issued. */
    List<IssuedDocument> listWithContent(String caseId) {
        return jdbc.query("select " + COLUMNS + ", content from case_document where case_id = ? order by issued_at, id",
                (row, n) -> document(row, row.getBytes("content")), caseId);
    }

    Optional<IssuedDocument> find(String caseId, String id) {
        return jdbc.query("select " + COLUMNS + ", content from case_document where case_id = ? and id = ?",
                (row, n) -> document(row, row.getBytes("content")), caseId, id).stream().findFirst();
    }

    Optional<IssuedDocument> latest(String caseId, DocumentKind kind) {
        return jdbc.query("select " + COLUMNS + ", content from case_document where case_id = ? and kind = ? "
                        + "order by issued_at desc, id desc fetch first 1 rows only",
                (row, n) -> document(row, row.getBytes("content")), caseId, kind.name()).stream().findFirst();
    }

    /** How many originals (not corrections) of the kind the case has: the ordinal of the next one less one. */
    int originals(String caseId, DocumentKind kind) {
        Integer count = jdbc.queryForObject("select count(*) from case_document where case_id = ? and kind = ? and replaces is null",
                Integer.class, caseId, kind.name());
        return count == null ? 0 : count;
    }

    private static IssuedDocument document(ResultSet row, byte[] content) throws SQLException {
        return new IssuedDocument(row.getString("id"), row.getString("case_id"), DocumentKind.valueOf(row.getString("kind")),
                row.getString("number"), row.getString("title"), row.getTimestamp("issued_at").toInstant(),
                row.getString("issued_by"), row.getString("sha256"), row.getLong("size_bytes"), row.getString("replaces"),
                content);
    }
}
