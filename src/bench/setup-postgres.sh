#!/bin/sh
# One-time setup of the local PostgreSQL 15 for the benchmark (./mvnw -Pbench verify): load
# pg_stat_statements, which counts the SQL statements per operation. Restarts the server, so run
# it by hand when no one else uses that server. Not part of CI.
set -eu
CONF_DIR=${PG_CONF_DIR:-/etc/postgresql/15/main/conf.d}
cat > "$CONF_DIR/95-pg-stat-statements.conf" <<'CONF'
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.max = 10000
pg_stat_statements.track = top
CONF
pg_ctlcluster 15 main restart
psql -h 127.0.0.1 -U postgres -c "show shared_preload_libraries"
