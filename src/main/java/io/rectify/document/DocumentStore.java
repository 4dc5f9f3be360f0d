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

    private static final String COLUMNS = "id, case_id, campaign_id, circular_id, kind, number, title, issued_at, issued_by, sha256, size_bytes, replaces";

    private final JdbcTemplate jdbc;

    DocumentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(IssuedDocument d) {
        jdbc.update("insert into case_document (" + COLUMNS + ", content) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.id(), d.caseId(), d.campaignId(), d.circularId(), d.kind().name(), d.number(), d.title(), Timestamp.from(d.issuedAt()), d.issuedBy(),
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

    /** The document of a kind a campaign issued (its 通报), with its bytes: one at most. */
    Optional<IssuedDocument> ofCampaign(long campaignId, DocumentKind kind) {
        return jdbc.query("select " + COLUMNS + ", content from case_document where campaign_id = ? and kind = ?",
                (row, n) -> document(row, row.getBytes("content")), campaignId, kind.name()).stream().findFirst();
    }

    /** The document of a kind a 通报 from above has (the reply to it), with its bytes: one at most. */
    Optional<IssuedDocument> ofCircular(long circularId, DocumentKind kind) {
        return jdbc.query("select " + COLUMNS + ", content from case_document where circular_id = ? and kind = ?",
                (row, n) -> document(row, row.getBytes("content")), circularId, kind.name()).stream().findFirst();
    }

    /**
     * How many documents of a kind have numbers that start so (赣府办通报〔2026〕): the ordinal of the
     * next one of the office and year less one.
     */
    int numbered(DocumentKind kind, String numberPrefix) {
        Integer count = jdbc.queryForObject("select count(*) from case_document where kind = ? and number like ?",
                Integer.class, kind.name(), numberPrefix.replace("%", "\\%").replace("_", "\\_") + "%");
        return count == null ? 0 : count;
    }

    /** How many originals (not corrections) of the kind the case has: the ordinal of the next one less one. */
    int originals(String caseId, DocumentKind kind) {
        Integer count = jdbc.queryForObject("select count(*) from case_document where case_id = ? and kind = ? and replaces is null",
                Integer.class, caseId, kind.name());
        return count == null ? 0 : count;
    }

    private static IssuedDocument document(ResultSet row, byte[] content) throws SQLException {
        return new IssuedDocument(row.getString("id"), row.getString("case_id"),
                row.getObject("campaign_id", Long.class), row.getObject("circular_id", Long.class), DocumentKind.valueOf(row.getString("kind")),
                row.getString("number"), row.getString("title"), row.getTimestamp("issued_at").toInstant(),
                row.getString("issued_by"), row.getString("sha256"), row.getLong("size_bytes"), row.getString("replaces"),
                content);
    }
}
