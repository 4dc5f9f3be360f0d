#!/usr/bin/env bash
# Backs up one Rectify installation: its PostgreSQL database and its attachment files, into one
# new directory with a manifest. src/docs/operations.md, "Backup and restore".
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: src/ops/backup.sh --database NAME --attachments DIR --out DIR

Backs up a Rectify installation while it runs (no need to stop it):
  1. pg_dump -Fc of the database           -> DIR/database.dump
  2. a tar of the attachment directory      -> DIR/attachments.tar
  3. a manifest: SHA-256 of both files, date, Rectify and Flyway versions, database roles
                                            -> DIR/manifest

  --database NAME     the Rectify database (the application's RECTIFY_DB_URL)
  --attachments DIR   the application's rectify.attachments.dir (default ${rectify.data-dir}/attachments)
  --out DIR           the backup directory to create; it must not exist yet (or be empty)

The server and the user come from the standard libpq environment: PGHOST, PGPORT, PGUSER,
PGPASSWORD or ~/.pgpass. Dump as the schema owner (RECTIFY_DB_OWNER) or a superuser: the
application's role may not read every table. RECTIFY_VERSION names the release in the manifest
(default: the version in the pom.xml beside this script, else "unknown").
Exit status: 0 done, 1 failed (nothing is left at --out), 2 wrong arguments.
EOF
}

fail() {
  echo "backup: $*" >&2
  exit 1
}

# an option's value, or the usage text and exit status 2
value() {
  if [ $# -lt 2 ] || [ -z "$2" ]; then
    echo "backup: $1 needs a value" >&2
    usage >&2
    exit 2
  fi
}

database=""
attachments=""
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --database) value "$@"; database="$2"; shift 2 ;;
    --attachments) value "$@"; attachments="$2"; shift 2 ;;
    --out) value "$@"; out="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "backup: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
if [ -z "$database" ] || [ -z "$attachments" ] || [ -z "$out" ]; then
  echo "backup: --database, --attachments and --out are all required" >&2
  usage >&2
  exit 2
fi
for tool in pg_dump psql tar sha256sum; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (Debian: postgresql-client, tar, coreutils)"
done
if [ -e "$out" ] && [ -n "$(ls -A "$out" 2>/dev/null)" ]; then
  fail "$out already holds files; a backup never overwrites another: choose a new directory"
fi

# Everything is written to a work directory beside --out and renamed at the end, so a backup
# directory either is complete or does not exist.
work="$out.partial.$$"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

sql() {
  psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$database" -c "$1"
}

flyway_version=$(sql "select version from flyway_schema_history where success and version is not null
                      order by installed_rank desc limit 1" 2>/dev/null) \
  || fail "cannot read flyway_schema_history of database '$database': is it a Rectify database, and may ${PGUSER:-$USER} read it?"
[ -n "$flyway_version" ] || fail "database '$database' has no applied migration: nothing to back up"

# Who owns the schema and who may only append to the audit record (migration 8): the restore
# needs the same roles on its server, and checks for them before it starts.
db_owner=$(sql "select pg_get_userbyid(relowner) from pg_class where oid = 'audit_entry'::regclass")
app_roles=$(sql "select coalesce(string_agg(distinct pg_get_userbyid(a.grantee), ','), '')
                 from pg_class c cross join aclexplode(c.relacl) a
                 where c.oid = 'audit_entry'::regclass and a.privilege_type = 'INSERT' and a.grantee <> c.relowner")

version="${RECTIFY_VERSION:-}"
if [ -z "$version" ]; then
  pom="$(dirname "$0")/../../pom.xml"
  [ -f "$pom" ] && version=$(sed -n '/<artifactId>rectify<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;}' "$pom")
  version="${version:-unknown}"
fi

echo "backup: dumping database '$database' (Flyway version $flyway_version)"
pg_dump --format=custom --file="$work/database.dump" "$database" \
  || fail "pg_dump of '$database' failed (see above)"

# The files after the dump, never before: a file is written before its row commits and is never
# deleted, so the directory read after the dump's snapshot holds every file the dump refers to
# (and perhaps files of rows committed later, which a restore ignores). The rows read now are a
# superset of the dump's; each must have its file, or --attachments is not the right directory.
missing=0
first_missing=""
if [ -n "$(sql "select 1 from attachment limit 1")" ]; then
  [ -d "$attachments" ] || fail "attachment directory $attachments does not exist, but the database has attachments"
  while IFS= read -r name; do
    if [ ! -f "$attachments/$name" ]; then
      missing=$((missing + 1))
      first_missing="${first_missing:-$name}"
    fi
  done < <(sql "select storage_name from attachment order by storage_name")
fi
[ "$missing" -eq 0 ] || fail "$missing attachment file(s) of the database are missing from $attachments" \
  "(first: $first_missing): is it the application's rectify.attachments.dir?"

echo "backup: archiving attachment directory $attachments"
if [ -d "$attachments" ]; then
  # exit status 1 is GNU tar's "a file changed while it was read": an upload still being written,
  # whose row is not in the dump. Anything above 1 is an error.
  status=0
  tar --create --file="$work/attachments.tar" --directory="$attachments" . || status=$?
  [ "$status" -le 1 ] || fail "tar of $attachments failed (status $status)"
else
  tar --create --file="$work/attachments.tar" --files-from=/dev/null
fi

(cd "$work" && sha256sum database.dump attachments.tar) > "$work/sums"
dump_sha=$(awk '$2 == "database.dump" { print $1 }' "$work/sums")
tar_sha=$(awk '$2 == "attachments.tar" { print $1 }' "$work/sums")
rm "$work/sums"

cat > "$work/manifest" <<EOF
# Rectify backup; restore with src/ops/restore.sh (src/docs/operations.md, "Backup and restore")
format=rectify-backup/1
created_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
rectify_version=$version
flyway_version=$flyway_version
source_database=$database
source_server=${PGHOST:-local}:${PGPORT:-5432}
db_owner=$db_owner
app_roles=$app_roles
database.dump.sha256=$dump_sha
attachments.tar.sha256=$tar_sha
EOF

mkdir -p "$(dirname "$out")"
[ -d "$out" ] && rmdir "$out"
mv "$work" "$out"
trap - EXIT
echo "backup: done: $out (database.dump, attachments.tar, manifest)"
