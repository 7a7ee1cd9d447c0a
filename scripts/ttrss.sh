#!/usr/bin/env bash
# scripts/ttrss.sh — a REAL Tiny Tiny RSS on http://127.0.0.1:PORT for the feed-source tests.
#
# Usage: scripts/ttrss.sh start | stop | status | install
#   start    (default) a fresh instance with a throw-away database: prints TTRSS_URL, TTRSS_API_URL,
#            TTRSS_USER, TTRSS_PASSWORD, TTRSS_STARRED_FEED_URL, FEED_RSS_URL ... (also written to
#            $TTRSS_STATE_DIR/credentials.env). An earlier instance using the same state dir is stopped first.
#   stop     ends every process it started (web servers by process group, PostgreSQL by a fast shutdown).
#   status   prints the credentials when the instance answers; exit 1 otherwise.
#   install  only installs the Debian packages (warm-up, e.g. in CI).
#
# Env:  TTRSS_PORT (8890)  TTRSS_FEED_PORT (PORT+1)  TTRSS_STATE_DIR (${TMPDIR:-/tmp}/nc-ttrss-PORT; fresh each start)
#       TTRSS_USER (admin)  TTRSS_PASSWORD (admin-password)  TTRSS_DB (pgsql | mysql)
#       TTRSS_RUN_USER (www-data; only when started as root: tt-rss and PostgreSQL refuse to run as root)
#
# Stack (Debian bookworm's packages only, offline-capable, no Docker): `tt-rss` 21~git20210204 (API level
# 15) copied into the state dir with its own config.php, PHP 8.2's built-in server (4 workers) on
# 127.0.0.1, a private PostgreSQL 15 on a unix socket (no TCP port; TTRSS_DB=mysql uses MariaDB), and a
# second `php -S` on 127.0.0.1:FEED_PORT serving an RSS 2.0 feed and an Atom feed (5 articles each; article
# 2's title has "Café & crème") with their article pages. Through the JSON API it subscribes the user to
# both, fetches them, stars two articles (RSS 1 with a note, Atom 2), publishes one (RSS 3) and creates the
# keys of the public starred/published feeds. First install ≈ 15-60 s; each start ≈ 5-8 s; ≈ 220 MB RSS.
# Adapted from the proven recipe in the steering repo (shared/recipes/start-ttrss.sh); the project keeps
# its own copy so that a fresh clone needs nothing else.
set -euo pipefail

PORT="${TTRSS_PORT:-8890}"
FEED_PORT="${TTRSS_FEED_PORT:-$((PORT + 1))}"
STATE="${TTRSS_STATE_DIR:-${TMPDIR:-/tmp}/nc-ttrss-$PORT}"
TT_USER="${TTRSS_USER:-admin}"
TT_PASS="${TTRSS_PASSWORD:-admin-password}"
RUN_USER="${TTRSS_RUN_USER:-www-data}"
URL="http://127.0.0.1:$PORT"
FEEDS_URL="http://127.0.0.1:$FEED_PORT"
DB="${TTRSS_DB:-pgsql}"            # pgsql (default) or mysql (MariaDB)
PGSOCK="$STATE/pg"                 # PostgreSQL socket dir; keep "$PGSOCK/.s.PGSQL.5432" < 100 chars
MYSOCK="$STATE/mysqld.sock"
PKGS=(tt-rss dbconfig-no-thanks php-cli php-xml php-mbstring php-intl php-curl curl)

log() { printf '[ttrss] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.2fs", b-a}'; }

running() {  # is any of these pids alive? (a zombie counts as gone: some inits reap slowly)
  local p st
  for p; do st="$(ps -o stat= -p "$p" 2>/dev/null)" && [ "${st#Z}" = "$st" ] && return 0; done
  return 1
}
stop_all() {
  # Every daemon is started with setsid; stop each process group (by id), the web servers first.
  # PostgreSQL's children run in sessions of their own: its postmaster gets SIGINT ("fast
  # shutdown") and ends them; its direct children are remembered for the SIGKILL fallback.
  local f pg pids p
  for f in php.pgid feeds.pgid pg.pgid mysqld.pgid; do
    [ -f "$STATE/$f" ] || continue
    pg="$(cat "$STATE/$f")"
    pids="$(ps -eo pid=,ppid=,pgid= | awk -v g="$pg" '$3 == g || $2 == g {print $1}')"
    if [ "$f" = pg.pgid ]; then kill -INT "$pg" 2>/dev/null || true
    else kill -TERM -- "-$pg" 2>/dev/null || true; fi
    for _ in $(seq 100); do running $pids || break; sleep 0.1; done
    for p in $pids; do running "$p" && { kill -KILL "$p" 2>/dev/null || true; }; done
    rm -f "$STATE/$f"
  done
}

CMD="${1:-start}"
if [ "$CMD" = stop ]; then stop_all; log "stopped"; exit 0; fi
if [ "$CMD" = status ]; then
  [ -f "$STATE/credentials.env" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$URL/api/")" = 200 ] \
    || { log "not running at $URL"; exit 1; }
  cat "$STATE/credentials.env"; exit 0
fi
case "$CMD" in start|install) ;; *) die "usage: $0 [start|stop|status|install]" ;; esac
case "$DB" in
  pgsql) PKGS+=(php-pgsql postgresql) ;;
  mysql) PKGS+=(php-mysql mariadb-server-core mariadb-client) ;;  # -core: no service, no port
  *) die "TTRSS_DB must be pgsql or mysql" ;;
esac

T_ALL=$(now)
# ---------------------------------------------------------------- 1. packages
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  T=$(now); log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  # dbconfig-no-thanks: tt-rss's postinst must not try to set up a database of its own.
  # --no-install-recommends: no apache2/lighttpd.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
      -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
  log "packages installed in $(since "$T")"
fi
if [ "$CMD" = install ]; then log "packages are in"; exit 0; fi
if [ "$DB" = pgsql ]; then
  PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
  [ -x "$PGBIN/postgres" ] || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
fi

# tt-rss (sanity check) and PostgreSQL refuse to run as root: run the daemons as $RUN_USER then.
RUN_AS=()
if [ "$(id -u)" = 0 ]; then
  id "$RUN_USER" >/dev/null 2>&1 || die "user $RUN_USER not found (set TTRSS_RUN_USER)"
  RUN_AS=(setpriv --reuid="$RUN_USER" --regid="$RUN_USER" --init-groups)
fi
as_run_user() { HOME="$STATE" "${RUN_AS[@]}" "$@"; }

# ---------------------------------------------------------------- 2. fresh private copy of tt-rss
cd /
stop_all 2>/dev/null || true       # a previous instance using the same state dir
for p in "$PORT" "$FEED_PORT"; do
  ( exec 3<>"/dev/tcp/127.0.0.1/$p" ) 2>/dev/null && die "port $p already in use"
done
[ ${#PGSOCK} -lt 90 ] || die "state dir path too long for a unix socket: $STATE"
rm -rf "$STATE"; mkdir -p "$STATE"; cd "$STATE"
# A failed start stops whatever it had started (the logs stay in $STATE).
trap 'rc=$?; [ $rc -eq 0 ] || { log "start failed; stopping (logs in $STATE)"; stop_all; }' EXIT
T=$(now)
cp -rL /usr/share/tt-rss/www "$STATE/www"   # -L: resolve Debian's symlinks (config.php, dojo, feed-icons ...)
WWW="$STATE/www"
mkdir -p "$STATE/lock" "$STATE/feeds/posts" "$PGSOCK"
mkdir -p "$STATE"/cache/{images,upload,export,feeds,js}
# As shipped, tt-rss 21 cannot read the local feeds: UrlHelper::build_url() drops the port of every
# URL it validates (http://127.0.0.1:8891/rss.xml is fetched from port 80), and UrlHelper::fetch()
# refuses loopback hosts and ports other than 80/443 (its anti-SSRF "extended filtering").
# Patch the private copy only: keep ports, and skip the loopback/port filter when config.php
# defines _ALLOW_LOOPBACK_FEEDS.
UH="$WWW/classes/urlhelper.php"
sed -i -e 's/^\(\s*\)\$tmp = \$parts\[.scheme.\] \. ":\/\/" \. \$parts\[.host.\];/&\n\1if (isset($parts["port"])) $tmp .= ":" . $parts["port"]; \/\/ test patch: keep the port/' \
       -e 's/^\(\s*\)\$rel_parts\[.scheme.\] = \$parts\[.scheme.\];/&\n\1if (isset($parts["port"])) $rel_parts["port"] = $parts["port"]; \/\/ test patch: keep the port/' \
       -e 's/if (\$extended_filtering) {/if ($extended_filtering \&\& !defined("_ALLOW_LOOPBACK_FEEDS")) {/' \
       -e 's/|| strpos(\(\$[a-z_]*\), "127\.") === 0)/|| (strpos(\1, "127.") === 0 \&\& !defined("_ALLOW_LOOPBACK_FEEDS")))/' \
       "$UH"
[ "$(grep -c 'test patch: keep the port' "$UH")" = 2 ] && [ "$(grep -c '_ALLOW_LOOPBACK_FEEDS' "$UH")" = 4 ] \
  || die "could not patch classes/urlhelper.php (tt-rss version changed?)"
if [ "$DB" = pgsql ]; then DB_CONF="
	define('DB_TYPE', 'pgsql');
	define('DB_HOST', '$PGSOCK');   // a directory: libpq uses the unix socket in it
	define('DB_PORT', '5432');
	define('DB_PASS', '');"
else DB_CONF="
	define('DB_TYPE', 'mysql');
	define('DB_HOST', 'localhost;unix_socket=$MYSOCK');   // pasted into the PDO DSN as is
	define('DB_PORT', '');
	define('DB_PASS', 'ttrss');"
fi
rm -f "$WWW/config.php"
cat > "$WWW/config.php" <<EOF
<?php
	// Generated by start-ttrss.sh; option list as in Debian's /etc/tt-rss/config.php (CONFIG_VERSION 26).
	define('DB_USER', 'ttrss');
	define('DB_NAME', 'ttrss');$DB_CONF
	define('MYSQL_CHARSET', 'UTF8');
	define('SELF_URL_PATH', '$URL/');
	define('_SKIP_SELF_URL_PATH_CHECKS', true);  // also reachable as http://localhost:$PORT/
	define('SINGLE_USER_MODE', false);
	define('SIMPLE_UPDATE_MODE', false);
	define('PHP_EXECUTABLE', '/usr/bin/php');
	define('LOCK_DIRECTORY', '$STATE/lock');
	define('CACHE_DIR', '$STATE/cache');
	define('ICONS_DIR', 'feed-icons');
	define('ICONS_URL', 'feed-icons');
	define('AUTH_AUTO_CREATE', true);
	define('AUTH_AUTO_LOGIN', true);
	define('FORCE_ARTICLE_PURGE', 0);
	define('ENABLE_REGISTRATION', false);
	define('REG_NOTIFY_ADDRESS', 'admin@example.test');
	define('REG_MAX_USERS', 10);
	define('SESSION_COOKIE_LIFETIME', 86400);
	define('SMTP_FROM_NAME', 'Tiny Tiny RSS');
	define('SMTP_FROM_ADDRESS', 'noreply@example.test');
	define('DIGEST_SUBJECT', '[tt-rss] New headlines for last 24 hours');
	define('CHECK_FOR_UPDATES', false);
	define('ENABLE_GZIP_OUTPUT', false);
	define('PLUGINS', 'auth_internal, note');
	define('LOG_DESTINATION', '');               // PHP's error_log (php-error.log in the state dir)
	define('CONFIG_VERSION', 26);
	define('_ALLOW_LOOPBACK_FEEDS', true);       // see the urlhelper.php patch in start-ttrss.sh
EOF

# ---------------------------------------------------------------- 3. the local feeds (RSS 2.0 + Atom)
NOW_TS=$(date +%s)
rfc822() { LC_ALL=C date -u -R -d "@$1"; }
iso8601() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
title_of() {  # $1 = rss|atom, $2 = n; article 2 has non-ASCII and an ampersand on purpose
  if [ "$2" = 2 ]; then echo "Café &amp; crème: ${1^^} article 2"; else echo "${1^^} article $2"; fi
}
page() {      # a small article page behind each link
  cat > "$STATE/feeds/posts/$1-$2.html" <<EOF
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>$(title_of "$1" "$2")</title>
<meta name="author" content="$3"></head>
<body><article><h1>$(title_of "$1" "$2")</h1><p class="byline">By $3</p>
<p>Body of ${1^^} article $2. It exists so that a link from the feed can be opened.</p></article></body></html>
EOF
}
{
  cat <<EOF
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Local RSS test feed</title>
  <link>$FEEDS_URL/</link>
  <description>RSS 2.0 feed served by start-ttrss.sh</description>
  <language>en</language>
  <lastBuildDate>$(rfc822 "$NOW_TS")</lastBuildDate>
EOF
  for i in 1 2 3 4 5; do
    ts=$((NOW_TS - i * 3600)); author="Alice Author $i"; page rss "$i" "$author"
    cat <<EOF
  <item>
    <title>$(title_of rss "$i")</title>
    <link>$FEEDS_URL/posts/rss-$i.html</link>
    <guid isPermaLink="true">$FEEDS_URL/posts/rss-$i.html</guid>
    <dc:creator>$author</dc:creator>
    <pubDate>$(rfc822 "$ts")</pubDate>
    <description><![CDATA[<p>Description of <b>RSS article $i</b>, with a <a href="$FEEDS_URL/posts/rss-$i.html">link</a>.</p>]]></description>
  </item>
EOF
  done
  echo '</channel>'; echo '</rss>'
} > "$STATE/feeds/rss.xml"
{
  cat <<EOF
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Local Atom test feed</title>
  <id>urn:example:ttrss-test:atom</id>
  <link rel="self" href="$FEEDS_URL/atom.xml"/>
  <link rel="alternate" type="text/html" href="$FEEDS_URL/"/>
  <updated>$(iso8601 "$NOW_TS")</updated>
  <author><name>Feed Owner</name></author>
EOF
  for i in 1 2 3 4 5; do
    ts=$((NOW_TS - i * 3600 - 1800)); author="Bob Writer $i"; page atom "$i" "$author"
    cat <<EOF
  <entry>
    <title>$(title_of atom "$i")</title>
    <link rel="alternate" type="text/html" href="$FEEDS_URL/posts/atom-$i.html"/>
    <id>urn:example:ttrss-test:atom-$i</id>
    <published>$(iso8601 "$ts")</published>
    <updated>$(iso8601 "$ts")</updated>
    <author><name>$author</name></author>
    <summary type="html">&lt;p&gt;Description of &lt;b&gt;Atom article $i&lt;/b&gt;.&lt;/p&gt;</summary>
  </entry>
EOF
  done
  echo '</feed>'
} > "$STATE/feeds/atom.xml"
cat > "$STATE/feeds-router.php" <<'EOF'
<?php
// Static files, with the feed media types that php -S does not know.
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$types = ['/rss.xml' => 'application/rss+xml', '/atom.xml' => 'application/atom+xml'];
if (isset($types[$path])) {
  header('Content-Type: ' . $types[$path] . '; charset=utf-8');
  header('Last-Modified: ' . gmdate('D, d M Y H:i:s', filemtime($_SERVER['DOCUMENT_ROOT'] . $path)) . ' GMT');
  readfile($_SERVER['DOCUMENT_ROOT'] . $path);
  return true;
}
return false;
EOF
[ ${#RUN_AS[@]} -eq 0 ] || chown -R "$RUN_USER:" "$STATE"
as_run_user test -r "$WWW/index.php" || die "$RUN_USER cannot read $STATE (set TTRSS_STATE_DIR elsewhere)"
log "site files and feeds ready in $(since "$T")"

# ---------------------------------------------------------------- 4. private database + schema
T=$(now)
SALT="$(php -r 'echo bin2hex(random_bytes(32));')"
HASH="MODE2:$(php -r 'echo hash("sha256", $argv[1] . $argv[2]);' "$SALT" "$TT_PASS")"
STAR_KEY="$(php -r 'echo bin2hex(random_bytes(10));')"
PUB_KEY="$(php -r 'echo bin2hex(random_bytes(10));')"
sq() { printf "'%s'" "${1//\'/\'\'}"; }
# The schema creates user 1 'admin' (password 'password'). Give it our login and password
# (hash as tt-rss's encrypt_password(): MODE2 = sha256(salt . password)), create its prefs rows
# (the API checks ENABLE_API_ACCESS *before* the first login creates them) and switch the API on.
SETUP_SQL="UPDATE ttrss_users SET login = $(sq "$TT_USER"), pwd_hash = '$HASH', salt = '$SALT', created = NOW() WHERE id = 1;
INSERT INTO ttrss_user_prefs (owner_uid, pref_name, value) SELECT 1, pref_name, def_value FROM ttrss_prefs;
UPDATE ttrss_user_prefs SET value = 'true' WHERE owner_uid = 1 AND pref_name = 'ENABLE_API_ACCESS';
UPDATE ttrss_user_prefs SET value = 'UTC' WHERE owner_uid = 1 AND pref_name = 'USER_TIMEZONE';
-- what 'Show as feed' in the web UI creates (Feeds::get_feed_access_key): -1 starred, -2 published
INSERT INTO ttrss_access_keys (access_key, feed_id, is_cat, owner_uid)
  VALUES ('$STAR_KEY', '-1', false, 1), ('$PUB_KEY', '-2', false, 1);"
if [ "$DB" = pgsql ]; then
  as_run_user "$PGBIN/initdb" -D "$STATE/pgdata" -U ttrss --auth=trust -E UTF8 --no-locale --no-sync \
    >"$STATE/initdb.log" 2>&1 || { cat "$STATE/initdb.log" >&2; die "initdb failed"; }
  # No TCP at all (listen_addresses=''); durability is not needed for throw-away test data.
  setsid "${RUN_AS[@]}" "$PGBIN/postgres" -D "$STATE/pgdata" -c listen_addresses='' -c port=5432 \
    -c unix_socket_directories="$PGSOCK" -c unix_socket_permissions=0700 -c fsync=off \
    -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=16MB -c max_connections=30 \
    </dev/null >"$STATE/postgres.log" 2>&1 &
  echo $! > "$STATE/pg.pgid"
  psql_() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -h "$PGSOCK" -p 5432 -U ttrss "$@"; }
  for _ in $(seq 300); do psql_ -d postgres -c 'select 1' >/dev/null 2>&1 && break; sleep 0.1; done
  psql_ -d postgres -c "CREATE DATABASE ttrss ENCODING 'UTF8'" \
    || { cat "$STATE/postgres.log" >&2; die "PostgreSQL did not start"; }
  psql_ -d ttrss -f /usr/share/tt-rss/schema/ttrss_schema_pgsql.sql >/dev/null
  psql_ -d ttrss -c "$SETUP_SQL"
else
  as_run_user mariadb-install-db --no-defaults --datadir="$STATE/mysql" --skip-test-db \
    --auth-root-authentication-method=socket --auth-root-socket-user="$(id -un)" --innodb-log-file-size=8M \
    >"$STATE/mysql-install.log" 2>&1 || { cat "$STATE/mysql-install.log" >&2; die "mariadb-install-db failed"; }
  setsid "${RUN_AS[@]}" mariadbd --no-defaults --datadir="$STATE/mysql" --socket="$MYSOCK" \
    --pid-file="$STATE/mysqld.pid" --log-error="$STATE/mysqld.err" --skip-networking --skip-log-bin \
    --innodb-buffer-pool-size=32M --innodb-log-file-size=8M --innodb-flush-log-at-trx-commit=0 \
    --performance-schema=OFF </dev/null >/dev/null 2>&1 &
  echo $! > "$STATE/mysqld.pgid"
  my_() { mariadb --no-defaults --socket="$MYSOCK" -u"$(id -un)" "$@"; }
  for _ in $(seq 300); do my_ -e 'select 1' >/dev/null 2>&1 && break; sleep 0.1; done
  my_ -e "CREATE DATABASE ttrss CHARACTER SET utf8; CREATE USER 'ttrss'@'localhost' IDENTIFIED BY 'ttrss';
    GRANT ALL ON ttrss.* TO 'ttrss'@'localhost';" || { cat "$STATE/mysqld.err" >&2; die "MariaDB did not start"; }
  my_ ttrss < /usr/share/tt-rss/schema/ttrss_schema_mysql.sql
  my_ ttrss -e "$SETUP_SQL"
fi
log "$DB + schema up in $(since "$T")"

# ---------------------------------------------------------------- 5. HTTP servers
T=$(now)
setsid "${RUN_AS[@]}" php -d display_errors=0 -d log_errors=1 -d error_log="$STATE/feeds-error.log" \
  -S "127.0.0.1:$FEED_PORT" -t "$STATE/feeds" "$STATE/feeds-router.php" \
  </dev/null >"$STATE/feeds-server.log" 2>&1 &
echo $! > "$STATE/feeds.pgid"
PHP_CLI_SERVER_WORKERS="${PHP_WORKERS:-4}" setsid "${RUN_AS[@]}" php -d display_errors=0 -d log_errors=1 \
  -d error_log="$STATE/php-error.log" -d memory_limit=256M \
  -S "127.0.0.1:$PORT" -t "$WWW" </dev/null >"$STATE/php-server.log" 2>&1 &
echo $! > "$STATE/php.pgid"
up=""
for _ in $(seq 300); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$FEEDS_URL/rss.xml")" = 200 ] &&
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/")" = 200 ] && { up=1; break; }; sleep 0.1
done
[ -n "$up" ] || die "web servers did not answer (see $STATE/php-server.log, $STATE/php-error.log)"
log "http servers up in $(since "$T")"

# ---------------------------------------------------------------- 6. JSON API: subscribe, fetch, star, publish
T=$(now)
api() { curl -sS --max-time 120 -H 'Content-Type: application/json' -d "$1" "$URL/api/"; }
jget() {  # jget JSON path.to.value
  php -r '$v = json_decode($argv[1], true); foreach (explode(".", $argv[2]) as $k) $v = $v[$k] ?? null;
          echo is_scalar($v) ? $v : ($v === null ? "" : json_encode($v));' "$1" "$2"
}
R="$(api "{\"op\":\"login\",\"user\":$(php -r 'echo json_encode($argv[1]);' "$TT_USER"),\"password\":$(php -r 'echo json_encode($argv[1]);' "$TT_PASS")}")"
SID="$(jget "$R" content.session_id)"
[ -n "$SID" ] || die "API login failed: $R (see $STATE/php-error.log)"
FEED_IDS=()
for f in rss.xml atom.xml; do
  R="$(api "{\"sid\":\"$SID\",\"op\":\"subscribeToFeed\",\"feed_url\":\"$FEEDS_URL/$f\"}")"
  id="$(jget "$R" content.status.feed_id)"
  [ -n "$id" ] || die "subscribeToFeed $f failed: $R"
  FEED_IDS+=("$id")
done
for id in "${FEED_IDS[@]}"; do   # synchronous fetch + parse (what update.php --feeds does per feed)
  R="$(api "{\"sid\":\"$SID\",\"op\":\"updateFeed\",\"feed_id\":$id}")"
  [ "$(jget "$R" status)" = 0 ] || die "updateFeed $id failed: $R"
done
ALL="$(api "{\"sid\":\"$SID\",\"op\":\"getHeadlines\",\"feed_id\":-4,\"limit\":50}")"
ids_of() {  # article ids whose link is one of $2...
  php -r '$want = array_slice($argv, 2); $ids = [];
          foreach (json_decode($argv[1], true)["content"] as $a) if (in_array($a["link"], $want)) $ids[] = $a["id"];
          echo implode(",", $ids);' "$@"
}
N_ALL="$(php -r 'echo count(json_decode($argv[1], true)["content"] ?? []);' "$ALL")"
[ "$N_ALL" = 10 ] || die "expected 10 articles after the update, got $N_ALL: $ALL"
STARRED="$(ids_of "$ALL" "$FEEDS_URL/posts/rss-1.html" "$FEEDS_URL/posts/atom-2.html")"
PUBLISHED="$(ids_of "$ALL" "$FEEDS_URL/posts/rss-3.html")"
NOTED="$(ids_of "$ALL" "$FEEDS_URL/posts/rss-1.html")"
api "{\"sid\":\"$SID\",\"op\":\"updateArticle\",\"article_ids\":\"$STARRED\",\"field\":0,\"mode\":1}" >/dev/null
api "{\"sid\":\"$SID\",\"op\":\"updateArticle\",\"article_ids\":\"$PUBLISHED\",\"field\":1,\"mode\":1}" >/dev/null
api "{\"sid\":\"$SID\",\"op\":\"updateArticle\",\"article_ids\":\"$NOTED\",\"field\":3,\"data\":\"A note on the starred RSS article 1\"}" >/dev/null
HEADLINES_T="$(curl -sS -o "$STATE/starred.json" -w '%{time_total}' -H 'Content-Type: application/json' \
  -d "{\"sid\":\"$SID\",\"op\":\"getHeadlines\",\"feed_id\":-1,\"show_content\":true,\"limit\":50}" "$URL/api/")"
N_STAR="$(php -r 'echo count(json_decode(file_get_contents($argv[1]), true)["content"] ?? []);' "$STATE/starred.json")"
[ "$N_STAR" = 2 ] || die "expected 2 starred articles, got: $(cat "$STATE/starred.json")"
TTRSS_VER="$(jget "$(api "{\"sid\":\"$SID\",\"op\":\"getVersion\"}")" content.version)"
api "{\"sid\":\"$SID\",\"op\":\"logout\"}" >/dev/null
STARRED_FEED="$URL/public.php?op=rss&id=-1&key=$STAR_KEY"
PUBLISHED_FEED="$URL/public.php?op=rss&id=-2&key=$PUB_KEY"
[ "$(curl -s "$STARRED_FEED" | grep -c '<entry>')" = 2 ] || die "starred feed does not have 2 entries"
log "feeds fetched, 2 starred, 1 published in $(since "$T"); getHeadlines(-1) took ${HEADLINES_T}s"
log "total $(since "$T_ALL")"

cat > "$STATE/credentials.env" <<EOF
TTRSS_URL=$URL/
TTRSS_API_URL=$URL/api/
TTRSS_USER=$TT_USER
TTRSS_PASSWORD='$TT_PASS'
TTRSS_STARRED_FEED_URL='$STARRED_FEED'
TTRSS_PUBLISHED_FEED_URL='$PUBLISHED_FEED'
TTRSS_STARRED_IDS=$STARRED
TTRSS_PUBLISHED_IDS=$PUBLISHED
TTRSS_RSS_FEED_ID=${FEED_IDS[0]}
TTRSS_ATOM_FEED_ID=${FEED_IDS[1]}
FEED_RSS_URL=$FEEDS_URL/rss.xml
FEED_ATOM_URL=$FEEDS_URL/atom.xml
TTRSS_VERSION='$TTRSS_VER'
TTRSS_STATE_DIR=$STATE
EOF
trap - EXIT
cat "$STATE/credentials.env"
log "stop with: TTRSS_STATE_DIR=$STATE $0 stop"
