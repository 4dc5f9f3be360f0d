#!/usr/bin/env bash
# Restores a backup made by backup.sh into a new database and a new attachment directory.
# src/docs/operations.md, "Backup and restore".
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: src/ops/restore.sh --from DIR --database NAME --attachments DIR [--owner ROLE]

Restores a backup of src/ops/backup.sh:
  1. checks both files against the SHA-256 sums of DIR/manifest (a damaged backup is refused)
  2. creates the database NAME owned by the schema owner (an existing database must be empty)
  3. pg_restore in one transaction: every object owned by the schema owner, the application
     role's grants and the audit record's triggers as they were (migration 8)
  4. unpacks the attachments into DIR (which must be empty or not exist) and checks every file
     the database refers to against its SHA-256

  --from DIR          the backup directory (database.dump, attachments.tar, manifest)
  --database NAME     the database to create
  --attachments DIR   the new rectify.attachments.dir
  --owner ROLE        the role to own the restored schema (default: the backup's schema owner)

The server and the user come from the standard libpq environment: PGHOST, PGPORT, PGUSER,
PGPASSWORD or ~/.pgpass. The user must be allowed to create databases and be a member of the
owner role (a superuser is both); it connects first to the database "postgres" (another with
RECTIFY_MAINTENANCE_DB). The roles named in the manifest must exist on the server
(src/docs/security.md, "Database roles": CREATE ROLE ...). Start Rectify on the restored database afterwards:
Flyway brings it to the jar's release.
Exit status: 0 done, 1 refused or failed (a database this run created is dropped again),
2 wrong arguments.
EOF
}

fail() {
  echo "restore: $*" >&2
  exit 1
}

# an option's value, or the usage text and exit status 2
value() {
  if [ $# -lt 2 ] || [ -z "$2" ]; then
    echo "restore: $1 needs a value" >&2
    usage >&2
    exit 2
  fi
}

from=""
database=""
attachments=""
owner=""
while [ $# -gt 0 ]; do
  case "$1" in
    --from) value "$@"; from="$2"; shift 2 ;;
    --database) value "$@"; database="$2"; shift 2 ;;
    --attachments) value "$@"; attachments="$2"; shift 2 ;;
    --owner) value "$@"; owner="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "restore: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
if [ -z "$from" ] || [ -z "$database" ] || [ -z "$attachments" ]; then
  echo "restore: --from, --database and --attachments are all required" >&2
  usage >&2
  exit 2
fi
for tool in pg_restore psql createdb dropdb tar sha256sum; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (Debian: postgresql-client, tar, coreutils)"
done

# --- 1. the backup is what its manifest says, or nothing happens ---------------------------
manifest="$from/manifest"
[ -f "$manifest" ] || fail "$from has no manifest: not a backup of backup.sh; restore refused"
# The manifest is read as data, never sourced: a backup is not a script.
field() {
  sed -n "s/^$1=//p" "$manifest" | head -n 1
}
[ "$(field format)" = "rectify-backup/1" ] \
  || fail "$manifest is not a manifest of format rectify-backup/1 (found '$(field format)'); restore refused"
for file in database.dump attachments.tar; do
  expected=$(field "${file//./\\.}\\.sha256")
  [ -n "$expected" ] || fail "$manifest names no SHA-256 for $file; restore refused"
  [ -f "$from/$file" ] || fail "$from/$file is missing; restore refused"
  actual=$(sha256sum "$from/$file" | awk '{ print $1 }')
  [ "$actual" = "$expected" ] || fail "$from/$file does not match the SHA-256 in its manifest" \
    "(manifest $expected, file $actual): the backup is damaged or was changed; restore refused"
done
echo "restore: backup of $(field created_at), Rectify $(field rectify_version), Flyway version $(field flyway_version): files match the manifest"

owner="${owner:-$(field db_owner)}"
[ -n "$owner" ] || fail "no --owner given and the manifest names no schema owner"

admin() {
  psql -X -q -A -t -v ON_ERROR_STOP=1 -d "${RECTIFY_MAINTENANCE_DB:-postgres}" "$@"
}
# psql substitutes :'name' as a quoted literal only in what it reads from standard input
role_exists() {
  admin -v name="$1" <<'SQL'
select 1 from pg_roles where rolname = :'name'
SQL
}
IFS=',' read -r -a roles <<< "$(field app_roles)"
for role in "$owner" "${roles[@]}"; do
  [ -z "$role" ] || [ -n "$(role_exists "$role")" ] \
    || fail "role '$role' of the backup does not exist on this server: create it first (src/docs/security.md, \"Database roles\"); restore refused"
done

# --- 2. a new database and a new attachment directory, never over data -------------------
if [ -e "$attachments" ] && [ -n "$(ls -A "$attachments" 2>/dev/null)" ]; then
  fail "$attachments already holds files; restore never overwrites them: choose a new directory"
fi
created=""
made_dir=""
[ -e "$attachments" ] || made_dir="$attachments"
exists=$(admin -v name="$database" <<'SQL'
select 1 from pg_database where datname = :'name'
SQL
)
if [ -n "$exists" ]; then
  tables=$(psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$database" -c \
    "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and c.relkind in ('r', 'p', 'v', 'S')")
  [ "$tables" = "0" ] || fail "database '$database' exists and holds $tables relation(s); restore never overwrites a database:" \
    "choose a new name, or drop it yourself first"
else
  # template0: nothing a site added to template1 can collide with the dump's objects
  createdb --template=template0 --owner="$owner" "$database" || fail "cannot create database '$database' (see above)"
  created="$database"
fi
cleanup() {
  if [ -n "$created" ]; then
    echo "restore: dropping the half-restored database '$created'" >&2
    dropdb --if-exists "$created" || echo "restore: could not drop '$created': drop it by hand" >&2
  fi
  if [ -n "$made_dir" ] && [ -d "$made_dir" ]; then
    echo "restore: removing the half-filled attachment directory $made_dir" >&2
    rm -rf -- "$made_dir"
  fi
}
trap cleanup EXIT

# --- 3. the database ----------------------------------------------------------------------
# --no-owner with --role: every object is created by, and so owned by, the schema owner whoever
# runs the restore (a superuser's objects would be beyond the owner's reach). The dump's grants
# (the application role's SELECT and INSERT on audit_entry, the default privileges for later
# migrations) and the append-only triggers are restored as they were. One transaction: a failed
# restore leaves an empty database, which the cleanup above drops.
echo "restore: restoring database '$database' as role '$owner'"
pg_restore --single-transaction --exit-on-error --no-owner --role="$owner" --dbname="$database" "$from/database.dump" \
  || fail "pg_restore into '$database' failed (see above); nothing was restored"

in_db() {
  psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$database" -c "$1"
}
triggers=$(in_db "select count(*) from pg_trigger where tgrelid = 'audit_entry'::regclass and not tgisinternal")
[ "$triggers" -ge 2 ] || fail "the audit record's append-only triggers are missing after the restore ($triggers found)"

# --- 4. the attachments -------------------------------------------------------------------
mkdir -p "$attachments"
tar --extract --file="$from/attachments.tar" --directory="$attachments" --no-same-owner \
  || fail "cannot unpack the attachments into $attachments"
# every file the restored database refers to, byte for byte (sha256sum reads "<sum>  <name>")
count=$(in_db "select count(*) from attachment")
if [ "$count" -gt 0 ]; then
  in_db "select sha256 || '  ' || storage_name from attachment order by storage_name" \
    | (cd "$attachments" && sha256sum --check --quiet --strict -) \
    || fail "attachment files in $attachments do not match the SHA-256 of their rows (see above)"
fi

created=""
made_dir=""
trap - EXIT
head=$(in_db "select last_seq || ' ' || last_hash from audit_chain_head where id = 1")
echo "restore: done: database '$database', $count attachment file(s) checked in $attachments"
echo "restore: audit chain head (sequence, hash): $head"
echo "restore: start Rectify on it (Flyway migrates to the jar's release), then verify the audit chain (src/docs/security.md, \"Audit record\")"
