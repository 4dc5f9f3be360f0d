-- Official documents (公文) of a case, frozen at issue: the PDF's bytes are kept with their
-- SHA-256 and never change; a correction is a new row naming the one it replaces. The bytes live
-- here, not on the attachment volume, so a document is written in the transaction that issues it
-- (the order, the escalation, the verdict) and rolls back with it: there is no file to clean up
-- and none to lose. A document is some tens of kilobytes (the fonts are subset).
create table case_document (
    id          varchar(36)              primary key,
    case_id     varchar(36)              not null references rectification_case (id),
    kind        varchar(20)              not null,
    number      varchar(120)             not null,
    title       varchar(600)             not null,
    issued_at   timestamp with time zone not null,
    issued_by   varchar(60)              not null,
    sha256      varchar(64)              not null,
    size_bytes  bigint                   not null,
    replaces    varchar(36)              references case_document (id),
    content     bytea                    not null
);
create index case_document_case on case_document (case_id, issued_at);

-- The seal (印章) an administrator uploaded for a body, printed over the 落款 of its documents.
-- A body without one has documents whose 落款 stands alone.
create table body_seal (
    org_code    varchar(40)              primary key references organization (code),
    image       bytea                    not null,
    sha256      varchar(64)              not null,
    uploaded_by varchar(60)              not null,
    uploaded_at timestamp with time zone not null
);
