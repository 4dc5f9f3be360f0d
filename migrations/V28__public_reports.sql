-- Public error reports (我为政府网站找错): messages about errors on a registered website, forwarded
-- by the national platform (national_id set) or typed on the product's public page. Only what the
-- reporter typed is kept: no address, no browser, no cookie. The contact is personal information
-- (PIPL): shown only to the office that triages (triage_org_code), masked everywhere else.
create table public_report (
    id               varchar(36)   primary key,
    tracking_number  varchar(20)   not null unique,
    national_id      varchar(64)   unique,
    channel          varchar(10)   not null,   -- NATIONAL (imported), PORTAL (the public page)
    received_at      timestamp with time zone not null,
    site_url         varchar(500)  not null,
    site_org_code    varchar(40)   not null,   -- the body that runs the site, which replies
    region_code      varchar(40)   not null,   -- the site body's region: the jurisdiction of the figures
    triage_org_code  varchar(40)   not null,   -- the office of that region, which triages
    page_url         varchar(2000) not null,
    description      varchar(2000) not null,
    contact          varchar(200),
    status           varchar(20)   not null,   -- RECEIVED, FORWARDED, REPLIED, DONE, REJECTED, DUPLICATE
    duplicate_of     varchar(20),
    triage_note      varchar(2000),
    forwarded_at     timestamp with time zone,
    due_date         date,                     -- the last of the three working days to reply
    reminded         boolean       not null default false,
    overdue          boolean       not null default false,
    reply            varchar(4000),
    replied_at       timestamp with time zone,
    replied_on_time  boolean,
    review_note      varchar(2000),
    closed_at        timestamp with time zone,
    case_id          varchar(36)   references rectification_case (id)
);
-- The figures of a jurisdiction for a period and the office's list: a range of one region's messages by time.
create index public_report_region_received on public_report (region_code, received_at);
-- A body's messages waiting for its reply.
create index public_report_site_org on public_report (site_org_code, status);

-- The public page's flood guard counts submissions per address in the shared throttle (V18).
insert into throttle_scope (scope) values ('public-report');
