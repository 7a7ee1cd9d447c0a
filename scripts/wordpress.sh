#!/usr/bin/env bash
# scripts/wordpress.sh — a REAL WordPress on http://127.0.0.1:PORT for the sync tests and the tour.
#
# Usage: scripts/wordpress.sh start | stop | reset | status | install
#   start    (default) a fresh site: prints WP_URL, WP_USER, WP_APP_PASSWORD ... (also written to
#            $WP_STATE_DIR/credentials.env). Any earlier instance using the same state dir is stopped first.
#   stop     ends the instance's process groups (PHP server, MariaDB); WP_CLEAN=1 also deletes its data.
#   reset    puts the running site's content back to "just installed" (no posts, pages, comments or
#            terms but "Uncategorized") with SQL over the unix socket, ~25 ms. Ids are never reused.
#   status   prints the credentials when the instance answers; exit 1 otherwise.
#   install  only installs the Debian packages and builds the template (warm-up, e.g. in CI).
#
# Env:  WP_PORT        (8889; 0 = a free port, picked here)
#       WP_STATE_DIR   (<repo>/.wp/site) one running instance: its database copy, logs, pid files
#       WP_CACHE_DIR   (<repo>/.wp/cache) the installed-site template, shared by every instance
#       WP_PHP_WORKERS (4)   WP_START_TIMEOUT (30, seconds)
#
# How it stays fast: the first run installs Debian's packages (~21 s here; up to ~100 s on a busy
# machine or a slow mirror) and then builds a *template* once (~4-5 s): a WordPress tree configured
# from the environment, a MariaDB data dir with the site installed, its Application Password, a
# snapshot of the content tables for `reset`, and PHP's opcache file cache, filled while installing.
# Each start copies only the data dir (28 MB), and starts MariaDB and `php -S` side by side (~0.3-1 s;
# the first REST answer comes from the precompiled file cache). The template is keyed by the package
# versions and by this file's hash: edit this file and the next start rebuilds it.
#
# Stack: Debian's `wordpress` package (6.1.x on bookworm), PHP's built-in server (opcache on) serving
# the shared template tree, a private MariaDB on a unix socket (no TCP port). No apache2, no system
# service: a placeholder package satisfies wordpress's "apache2 | httpd" dependency (see install_packages)
# and only mariadb-server-core (binaries, no service) is installed. Offline-capable: Debian's apt only.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SELF="$ROOT/scripts/wordpress.sh"
CMD="${1:-start}"
PORT="${WP_PORT:-8889}"
STATE="${WP_STATE_DIR:-$ROOT/.wp/site}"
CACHE="${WP_CACHE_DIR:-$ROOT/.wp/cache}"
WORKERS="${WP_PHP_WORKERS:-4}"
START_TIMEOUT="${WP_START_TIMEOUT:-30}"
ADMIN_USER=admin
ADMIN_PASS=admin-password          # the login password: WordPress's REST API refuses it, by design
ADMIN_EMAIL=admin@example.test
DB_USER=wp DB_PASS=wp DB_NAME=wordpress
# Tables that `reset` restores from the template's snapshot (prefix wp_, snapshot prefix nc_reset_).
CONTENT_TABLES=(posts postmeta comments commentmeta terms termmeta term_taxonomy term_relationships)
# The template tree never changes once built, so PHP need not stat files to see if they changed.
PHP_OPCACHE=(-d opcache.enable_cli=1 -d opcache.validate_timestamps=0 -d opcache.memory_consumption=64)

log() { printf '[wp] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit "${2:-1}"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.2f s", b-a}'; }

# A unix socket path must stay under ~100 bytes; long state paths get a short one in /tmp.
sock_path() {
  local s="$1/mysqld.sock"
  if [ "${#s}" -ge 100 ]; then s="/tmp/ncwp-$(printf '%s' "$1" | cksum | cut -d' ' -f1).sock"; fi
  printf '%s' "$s"
}

# ----------------------------------------------------------------------------------------- stop
# True while a process of group $1 is still running. Zombies do not count: where PID 1 is slow to
# reap orphans (containers), `kill -0` keeps answering for a killed group for ~1.5 s.
group_alive() {
  ps -e -o pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { found = 1 } END { exit !found }'
}

stop_all() {
  # `php -S` workers outlive a killed master, so each daemon was started with setsid as the leader
  # of its own process group, and the whole group (by its id) is ended here. KILL, not TERM: an
  # instance's data is disposable (every start copies the template afresh), and a clean shutdown
  # costs 1.2 s (php -S) + 2.2 s (MariaDB) per stop, i.e. per test file.
  local f pg
  for f in php.pgid mysqld.pgid; do
    [ -f "$STATE/$f" ] || continue
    pg="$(cat "$STATE/$f")"
    if [[ "$pg" =~ ^[0-9]+$ ]] && [ "$pg" -gt 1 ]; then
      kill -KILL -- "-$pg" 2>/dev/null || true
      for _ in $(seq 100); do group_alive "$pg" || break; sleep 0.02; done
    fi
    rm -f "$STATE/$f"
  done
  [ -f "$STATE/instance.env" ] && rm -f "$(. "$STATE/instance.env"; printf '%s' "$WP_DB_SOCKET")" 2>/dev/null
  rm -f "$STATE/instance.env"
  return 0
}

# ------------------------------------------------------------------------------------- packages
# The wordpress package wants "apache2 | httpd" and "libapache2-mod-php | php". Left to itself apt
# picks apache2, a system service that takes port 80 on machines that start services. Instead: a tiny
# placeholder package that provides `httpd`, PHP's CGI SAPI (no service) for php's "mod-php | fpm | cgi",
# and MariaDB's binaries without the server package (whose postinst starts a service on port 3306).
PHPV=""
php_version_of_distro() {
  [ -n "$PHPV" ] && return 0
  PHPV="$(apt-cache show php 2>/dev/null | sed -n 's/^Depends: php\([0-9][0-9.]*\).*/\1/p' | head -1)"
  [ -n "$PHPV" ] || PHPV=8.2
}

package_list() {
  php_version_of_distro
  printf '%s\n' wordpress php "php$PHPV-cgi" php-cli php-mysql php-xml php-mbstring php-curl php-intl \
    mariadb-server-core mariadb-client curl
}

CHECKED=(wordpress php-cli php-mysql php-xml php-mbstring php-curl php-intl mariadb-server-core mariadb-client curl)
missing_packages() {  # one dpkg-query for all: each spawn costs ~50 ms on a busy machine
  local installed
  installed="$(dpkg-query -W -f='${Package} ${Status}\n' "${CHECKED[@]}" 2>/dev/null | awk '/ ok installed$/ { print $1 }')"
  local p
  for p in "${CHECKED[@]}"; do grep -qx "$p" <<<"$installed" || printf '%s\n' "$p"; done
}

placeholder_httpd_deb() {
  local dir="$1"
  mkdir -p "$dir/pkg/DEBIAN"
  cat > "$dir/pkg/DEBIAN/control" <<'EOF'
Package: newsletter-clipper-test-httpd
Version: 1.0
Architecture: all
Maintainer: Newsletter Clipper tests <tests@example.invalid>
Provides: httpd
Description: placeholder for wordpress's "apache2 | httpd" dependency
 Newsletter Clipper's tests serve WordPress with PHP's built-in server on 127.0.0.1
 (scripts/wordpress.sh), so no system web server is installed. Safe to remove with wordpress.
EOF
  dpkg-deb --build --root-owner-group "$dir/pkg" "$dir/newsletter-clipper-test-httpd.deb" >/dev/null
  printf '%s' "$dir/newsletter-clipper-test-httpd.deb"
}

install_packages() {
  command -v dpkg-query >/dev/null 2>&1 || die "this machine has no dpkg/apt: install PHP, MariaDB and WordPress yourself" 78
  [ -z "$(missing_packages)" ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "packages missing ($(missing_packages | tr '\n' ' ')) and no apt-get to install them" 78
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "packages missing ($(missing_packages | tr '\n' ' ')); run as root: $SELF install" 77
    sudo="sudo -n"
  fi
  mkdir -p "$CACHE"
  # One installer at a time (two test workers may start WordPress together); dpkg waits on its own lock too.
  exec 8>"$CACHE/.apt.lock"
  flock -w 900 8 || die "timed out waiting for another install"
  if [ -n "$(missing_packages)" ]; then
    local t tmp deb pkgs
    t=$(now)
    tmp="$(mktemp -d)"; chmod 755 "$tmp"
    deb="$(placeholder_httpd_deb "$tmp")"
    mapfile -t pkgs < <(package_list)
    log "installing Debian packages: ${pkgs[*]}"
    local apt=(env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends
      -o DPkg::Lock::Timeout=600)
    # Try with the package lists already on the machine; refresh them only if that fails (saves ~5 s).
    if ! $sudo "${apt[@]}" "$deb" "${pkgs[@]}" >"$tmp/apt.log" 2>&1; then
      $sudo apt-get update -q -o DPkg::Lock::Timeout=600 >>"$tmp/apt.log" 2>&1 || { cat "$tmp/apt.log" >&2; die "apt-get update failed"; }
      PHPV=""; mapfile -t pkgs < <(package_list)
      $sudo "${apt[@]}" "$deb" "${pkgs[@]}" >>"$tmp/apt.log" 2>&1 || { tail -30 "$tmp/apt.log" >&2; die "apt-get install failed"; }
    fi
    rm -rf "$tmp"
    log "packages installed in $(since "$t")"
  fi
  flock -u 8; exec 8>&-
}

# ------------------------------------------------------------------------------------- template
template_key() {
  local v
  v="tpl-$(dpkg-query -W -f='${Version}-' wordpress php-cli mariadb-server-core)$(sha1sum "$SELF" | cut -c1-10)"
  printf '%s' "$v" | tr -c 'A-Za-z0-9._-' '_'
}

start_mariadb() {  # datadir socket pidfile-dir logfile
  local user=(); [ "$(id -u)" = 0 ] && user=(--user=root)
  setsid mariadbd --no-defaults --datadir="$1" --socket="$2" --pid-file="$3/mysqld.pid" \
    --log-error="$4" --skip-networking --skip-log-bin --skip-name-resolve \
    --innodb-buffer-pool-size=32M --innodb-log-file-size=8M --innodb-flush-log-at-trx-commit=0 \
    --innodb-doublewrite=0 --performance-schema=OFF --key-buffer-size=1M "${user[@]}" \
    </dev/null >/dev/null 2>&1 &
  echo $! > "$3/mysqld.pgid"
}

wait_mariadb() {  # socket pidfile-dir logfile
  local i
  for i in $(seq $((START_TIMEOUT * 20))); do
    mariadb-admin --no-defaults --socket="$1" -u"$DB_USER" -p"$DB_PASS" --connect-timeout=2 ping >/dev/null 2>&1 && return 0
    # Before the grants exist (template build) the OS user's socket login answers instead.
    mariadb-admin --no-defaults --socket="$1" -u"$(id -un)" --connect-timeout=2 ping >/dev/null 2>&1 && return 0
    pid_alive "$(cat "$2/mysqld.pgid")" || { tail -20 "$3" >&2; die "MariaDB exited"; }
    sleep 0.05
  done
  tail -20 "$3" >&2; die "MariaDB did not answer within ${START_TIMEOUT}s"
}

write_site_files() {  # dir
  local wp="$1/wordpress"
  # -L: Debian's tree is symlinks into other packages (PHPMailer, getID3, js libraries, wp-content).
  cp -rL /usr/share/wordpress "$wp"
  rm -rf "$wp/wp-content/uploads"; mkdir -p "$wp/wp-content/mu-plugins"
  salt() { php -r 'echo bin2hex(random_bytes(24));'; }
  # One tree serves every instance: the database socket and the site URL come from the environment
  # of the `php -S` process (WPT_DB_SOCKET, WPT_URL), so a start never copies or edits WordPress files.
  cat > "$wp/wp-config.php" <<EOF
<?php
// Written by scripts/wordpress.sh for tests on 127.0.0.1 only.
\$nc_socket = getenv('WPT_DB_SOCKET');
\$nc_url = getenv('WPT_URL');
if (!\$nc_socket || !\$nc_url) { http_response_code(500); exit('WPT_DB_SOCKET and WPT_URL must be set (scripts/wordpress.sh)'); }
define('DB_NAME', '$DB_NAME');
define('DB_USER', '$DB_USER');
define('DB_PASSWORD', '$DB_PASS');
define('DB_HOST', 'localhost:' . \$nc_socket);
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
\$table_prefix = 'wp_';
define('AUTH_KEY', '$(salt)');        define('SECURE_AUTH_KEY', '$(salt)');
define('LOGGED_IN_KEY', '$(salt)');   define('NONCE_KEY', '$(salt)');
define('AUTH_SALT', '$(salt)');       define('SECURE_AUTH_SALT', '$(salt)');
define('LOGGED_IN_SALT', '$(salt)');  define('NONCE_SALT', '$(salt)');
define('WP_HOME', \$nc_url);
define('WP_SITEURL', \$nc_url);
define('WP_ENVIRONMENT_TYPE', 'local');   // Application Passwords over plain http
define('WP_HTTP_BLOCK_EXTERNAL', true);   // offline: never wait on api.wordpress.org
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('DISABLE_WP_CRON', true);
define('FS_METHOD', 'direct');
define('UPLOADS', 'wp-content/uploads-' . md5(\$nc_socket)); // per instance, never shared
define('WP_DEBUG', false);
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
EOF
  cat > "$wp/wp-content/mu-plugins/test-env.php" <<'EOF'
<?php
// No MTA on test machines: pretend every mail was sent.
add_filter('pre_wp_mail', '__return_true');
// Belt and braces (WP_ENVIRONMENT_TYPE=local already allows them over http).
add_filter('wp_is_application_passwords_available', '__return_true');
EOF
  # Router for php -S: real files are served as they are, everything else goes to index.php.
  cat > "$1/router.php" <<'EOF'
<?php
$root = $_SERVER['DOCUMENT_ROOT'];
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?: '/');
$f = $root . $path;
if ($path !== '/' && (is_file($f) || (is_dir($f) && is_file(rtrim($f, '/') . '/index.php')))) return false;
$_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
require $root . '/index.php';
EOF
  cat > "$1/install.php" <<'EOF'
<?php
[, $dir, $user, $pass, $email] = $argv;
function wp_new_blog_notification() {}          // no sendmail
function wp_mail() { return true; }
define('WP_INSTALLING', true);
$_SERVER += ['HTTP_HOST' => '127.0.0.1', 'REQUEST_URI' => '/', 'SERVER_PROTOCOL' => 'HTTP/1.1'];
require $dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$r = wp_install('Newsletter Clipper test site', $user, $email, false, '', wp_slash($pass));
$uid = $r['user_id'];
update_option('permalink_structure', '/%postname%/');
flush_rewrite_rules(false);
// Start empty: no "Hello world!", sample page, privacy page or comment, so tests can count posts.
global $wpdb;
foreach (['posts', 'postmeta', 'comments', 'commentmeta', 'term_relationships'] as $t) $wpdb->query("DELETE FROM {$wpdb->$t}");
$wpdb->query("UPDATE {$wpdb->term_taxonomy} SET count = 0");
update_option('wp_page_for_privacy_policy', 0);
update_option('sticky_posts', []);
[$app, ] = WP_Application_Passwords::create_new_application_password($uid, ['name' => 'newsletter-clipper-tests']);
echo json_encode(['app_password' => $app, 'wp_version' => get_bloginfo('version')]);
EOF
}

build_template() {  # dir: built in place (the opcache file cache is keyed by absolute paths);
  # template.env, written last, marks it complete.
  local tpl="$1" t sock info
  t=$(now)
  rm -rf "$tpl"; mkdir -p "$tpl/opcache"
  write_site_files "$tpl"
  local root=(); [ "$(id -u)" = 0 ] && root=(--user=root)
  mariadb-install-db --no-defaults --datadir="$tpl/mysql" "${root[@]}" --skip-test-db \
    --auth-root-authentication-method=socket --auth-root-socket-user="$(id -un)" \
    >"$tpl/mysql-install.log" 2>&1 || { cat "$tpl/mysql-install.log" >&2; rm -rf "$tpl"; die "mariadb-install-db failed"; }
  sock="$(sock_path "$tpl")"
  start_mariadb "$tpl/mysql" "$sock" "$tpl" "$tpl/mysqld.err"
  # shellcheck disable=SC2064
  trap "kill -KILL -- -\$(cat '$tpl/mysqld.pgid') 2>/dev/null; rm -rf '$tpl'" EXIT
  wait_mariadb "$sock" "$tpl" "$tpl/mysqld.err"
  mariadb --no-defaults --socket="$sock" -u"$(id -un)" -e "CREATE DATABASE $DB_NAME;
    CREATE USER '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASS'; GRANT ALL ON $DB_NAME.* TO '$DB_USER'@'localhost';"
  # With the same opcache settings as `php -S`, installing also fills the opcache file cache with
  # nearly every WordPress file: a start then answers its first request in ~0.1 s instead of ~1.5 s.
  info="$(WPT_DB_SOCKET="$sock" WPT_URL=http://127.0.0.1 php "${PHP_OPCACHE[@]}" -d opcache.file_cache="$tpl/opcache" \
    "$tpl/install.php" "$tpl/wordpress" "$ADMIN_USER" "$ADMIN_PASS" "$ADMIN_EMAIL")" || die "wp_install failed: $info"
  local snap="" tb
  for tb in "${CONTENT_TABLES[@]}"; do
    snap+="CREATE TABLE nc_reset_$tb LIKE wp_$tb; INSERT INTO nc_reset_$tb SELECT * FROM wp_$tb;"
  done
  mariadb --no-defaults --socket="$sock" -u"$DB_USER" -p"$DB_PASS" "$DB_NAME" -e "$snap"
  # A clean shutdown, so the data dir is a consistent cold copy for every later start.
  mariadb-admin --no-defaults --socket="$sock" -u"$(id -un)" shutdown
  local pg; pg="$(cat "$tpl/mysqld.pgid")"
  for _ in $(seq 200); do group_alive "$pg" || break; sleep 0.05; done
  trap - EXIT
  rm -f "$tpl/mysqld.pgid" "$tpl/mysqld.pid" "$tpl/install.php" "$sock"
  chmod -R a+rX "$tpl"; chmod 1777 "$tpl/opcache"   # any user's php -S may add to the file cache
  {
    printf 'WP_APP_PASSWORD=%q\n' "$(php -r 'echo json_decode($argv[1])->app_password;' "$info")"
    printf 'WP_VERSION=%q\n' "$(php -r 'echo json_decode($argv[1])->wp_version;' "$info")"
  } > "$tpl/template.env.tmp"
  mv "$tpl/template.env.tmp" "$tpl/template.env"
  log "template built in $(since "$t") ($(du -sh "$tpl/mysql" | cut -f1) database, $(du -sh "$tpl/wordpress" | cut -f1) site)"
}

ensure_template() {
  TEMPLATE="$CACHE/$(template_key)"
  [ -f "$TEMPLATE/template.env" ] && return 0
  mkdir -p "$CACHE"
  exec 9>"$CACHE/.lock"
  flock -w 120 9 || die "timed out waiting for another template build"
  if [ ! -f "$TEMPLATE/template.env" ]; then
    # Older templates (other versions of this file or of the packages) go, unless a running
    # instance still serves from one (its php -S or mariadbd names the dir on its command line).
    local old
    for old in "$CACHE"/tpl-*; do
      [ -d "$old" ] || continue
      grep -qsF "$old/" /proc/[0-9]*/cmdline 2>/dev/null || rm -rf "$old"
    done
    build_template "$TEMPLATE"
  fi
  flock -u 9; exec 9>&-
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A free port for WP_PORT=0: random in 20000-32767, below Linux's ephemeral range (32768-60999) so
# that no outgoing connection holds it; a clash is caught by port_in_use or by php -S failing to bind.
free_port() {
  local p
  for _ in $(seq 50); do p=$((20000 + RANDOM % 12768)); port_in_use "$p" || { printf '%s' "$p"; return 0; }; done
  die "no free port found"
}

# Running, and not a zombie (where PID 1 reaps slowly, a dead child stays a zombie for ~1.5 s).
pid_alive() {
  local st=""
  [ -r "/proc/$1/stat" ] && read -r _ _ st _ < "/proc/$1/stat" 2>/dev/null
  [ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ]
}

launch_php() {  # port socket
  WPT_DB_SOCKET="$2" WPT_URL="http://127.0.0.1:$1" PHP_CLI_SERVER_WORKERS="$WORKERS" setsid php \
    -d display_errors=0 -d log_errors=1 -d error_log="$STATE/php-error.log" -d memory_limit=256M \
    "${PHP_OPCACHE[@]}" -d opcache.file_cache="$TEMPLATE/opcache" -d upload_max_filesize=32M -d post_max_size=32M \
    -S "127.0.0.1:$1" -t "$TEMPLATE/wordpress" "$TEMPLATE/router.php" </dev/null >"$STATE/php-server.log" 2>&1 &
  echo $! > "$STATE/php.pgid"
}

# ---------------------------------------------------------------------------------------- start
start() {
  local t_all t sock url port code app user
  t_all=$(now)
  install_packages
  ensure_template
  # shellcheck disable=SC1091
  . "$TEMPLATE/template.env"
  stop_all
  rm -rf "$STATE"; mkdir -p "$STATE"
  t=$(now)
  cp -a "$TEMPLATE/mysql" "$STATE/mysql"
  sock="$(sock_path "$STATE")"; rm -f "$sock"
  start_mariadb "$STATE/mysql" "$sock" "$STATE" "$STATE/mysqld.err"
  # PHP starts while MariaDB is still starting: the REST check below waits for both.
  port="$PORT"; [ "$port" = 0 ] && port="$(free_port)"
  port_in_use "$port" && { stop_all; die "port $port is already in use (set WP_PORT, or 0 for a free one)"; }
  launch_php "$port" "$sock"
  user="$ADMIN_USER"; app="$WP_APP_PASSWORD"
  # Bounded: START_TIMEOUT seconds, each probe at most 5 s, at most 3 ports tried.
  local deadline=$(( $(date +%s) + START_TIMEOUT )) tries=1
  code=000
  while [ "$(date +%s)" -lt "$deadline" ]; do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -u "$user:$app" "http://127.0.0.1:$port/wp-json/wp/v2/users/me" || true)"
    [ "$code" = 200 ] && break
    if ! pid_alive "$(cat "$STATE/php.pgid")"; then
      if [ "$PORT" = 0 ] && [ "$tries" -lt 3 ] && grep -q 'in use' "$STATE/php-server.log"; then
        tries=$((tries + 1)); port="$(free_port)"; launch_php "$port" "$sock"; continue
      fi
      cat "$STATE/php-server.log" >&2; stop_all; die "php -S exited"
    fi
    pid_alive "$(cat "$STATE/mysqld.pgid")" || { tail -20 "$STATE/mysqld.err" >&2; stop_all; die "MariaDB exited"; }
    sleep 0.05
  done
  url="http://127.0.0.1:$port"
  if [ "$code" != 200 ]; then
    tail -20 "$STATE/php-error.log" "$STATE/mysqld.err" >&2 2>/dev/null || true
    stop_all; die "REST API did not accept the Application Password within ${START_TIMEOUT}s (last status $code)"
  fi
  printf 'WP_DB_SOCKET=%q\n' "$sock" > "$STATE/instance.env"
  {
    printf 'WP_URL=%s\n' "$url"
    printf 'WP_REST_URL=%s\n' "$url/wp-json/"
    printf 'WP_USER=%s\n' "$user"
    printf 'WP_APP_PASSWORD=%q\n' "$app"
    printf 'WP_ADMIN_PASSWORD=%q\n' "$ADMIN_PASS"
    printf 'WP_VERSION=%s\n' "$WP_VERSION"
    printf 'WP_STATE_DIR=%q\n' "$STATE"
  } > "$STATE/credentials.env"
  log "started in $(since "$t") (total with checks $(since "$t_all")); stop with: WP_STATE_DIR=$STATE $SELF stop"
  cat "$STATE/credentials.env"
}

reset_content() {
  [ -f "$STATE/instance.env" ] || die "no running instance in $STATE"
  # shellcheck disable=SC1091
  . "$STATE/instance.env"
  local sql="SET FOREIGN_KEY_CHECKS=0;" tb
  # DELETE, not TRUNCATE: AUTO_INCREMENT keeps growing, so a post id from before a reset is never
  # reused by a new post (a stale remembered id then gets a 404, as in real life).
  for tb in "${CONTENT_TABLES[@]}"; do sql+="DELETE FROM wp_$tb; INSERT INTO wp_$tb SELECT * FROM nc_reset_$tb;"; done
  mariadb --no-defaults --socket="$WP_DB_SOCKET" -u"$DB_USER" -p"$DB_PASS" "$DB_NAME" -e "$sql" \
    || die "reset failed"
}

case "$CMD" in
  start) start ;;
  stop) stop_all; [ "${WP_CLEAN:-0}" = 1 ] && rm -rf "$STATE"; log "stopped" ;;
  reset) reset_content ;;
  status)
    [ -f "$STATE/credentials.env" ] && [ -f "$STATE/php.pgid" ] || exit 1
    # shellcheck disable=SC1091
    ( . "$STATE/credentials.env"; curl -sf -o /dev/null --max-time 5 "$WP_URL/wp-json/" ) || exit 1
    cat "$STATE/credentials.env" ;;
  install) install_packages; ensure_template; log "ready: $TEMPLATE" ;;
  *) die "usage: $0 start|stop|reset|status|install" 64 ;;
esac
