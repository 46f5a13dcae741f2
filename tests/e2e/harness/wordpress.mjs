// A real WordPress for tests/e2e/widget/wordpress.test.mjs: Debian's
// packages (scripts/setup --wordpress installs them), run from a temporary
// folder by servers of the test's own: a MariaDB on a Unix socket (no TCP at
// all) and an Apache on 127.0.0.1 at a free port, each with its own
// configuration, data, pid and logs there. No system service or file
// outside that folder is touched; close() stops both and removes it.
import { spawn, execFileSync } from "node:child_process";
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const DEBIAN = {
  wordpress: "/usr/share/wordpress",
  apache: "/usr/sbin/apache2",
  modules: "/usr/lib/apache2/modules",
  mariadbd: "/usr/sbin/mariadbd",
  installDb: "/usr/bin/mariadb-install-db",
  client: "/usr/bin/mariadb",
  php: "/usr/bin/php",
  unzip: "/usr/bin/unzip",
};

const ROOT_USER = process.getuid() === 0;
const WAIT_MS = 30_000;

/** Fails with what to do when a package is missing. */
function checkInstalled() {
  const missing = Object.entries(DEBIAN).filter(([, path]) => !existsSync(path));
  if (missing.length) {
    throw new Error(`WordPress test: ${missing.map(([, p]) => p).join(", ")} missing: run scripts/setup --wordpress (scripts/test does)`);
  }
}

/** mod_php, named for its PHP version (libphp8.2.so in Debian 12). */
function phpModule() {
  const found = readdirSync(DEBIAN.modules).find((f) => /^libphp[\d.]+\.so$/.test(f));
  if (!found) throw new Error(`WordPress test: no mod_php in ${DEBIAN.modules}: run scripts/setup --wordpress (scripts/test does)`);
  return found;
}

async function freePort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

async function until(what, check, log) {
  const end = Date.now() + WAIT_MS;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`WordPress test: ${what} did not start:\n${log ? readLog(log) : ""}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

const readLog = (file) => (existsSync(file) ? readFileSync(file, "utf8").slice(-4000) : "(no log)");

/**
 * Runs a server in the foreground as a child of the test. In a process group
 * of its own: Apache stops by signalling its whole group, which would
 * otherwise be the test's. Killed when the test process exits, whatever way.
 */
function daemon(command, args, log) {
  const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], detached: true });
  child.stderr.on("data", (chunk) => writeFileSync(log, chunk, { flag: "a" }));
  const exited = new Promise((done) => child.on("exit", done));
  const running = () => child.exitCode === null && child.signalCode === null;
  const orphaned = () => running() && process.kill(-child.pid, "SIGKILL"); // the server and its workers
  process.on("exit", orphaned);
  // Interrupted (Ctrl-C, a runner's kill), the test goes, and so does the server.
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"].map((signal) => {
    const handler = () => {
      orphaned();
      process.kill(process.pid, signal);
    };
    process.once(signal, handler);
    return [signal, handler];
  });
  return {
    child,
    running,
    async stop() {
      if (running()) child.kill("SIGTERM");
      await exited;
      process.off("exit", orphaned);
      for (const [signal, handler] of signals) process.off(signal, handler);
    },
  };
}

function apacheConfig({ dir, docroot, port }) {
  const modules = ["mpm_prefork", "authz_core", "dir", "mime"];
  return [
    ...modules.map((m) => `LoadModule ${m}_module ${DEBIAN.modules}/mod_${m}.so`),
    `LoadModule php_module ${DEBIAN.modules}/${phpModule()}`,
    `ServerRoot "${dir}"`,
    `ServerName 127.0.0.1`,
    `Listen 127.0.0.1:${port}`,
    `PidFile "${dir}/apache.pid"`,
    `DefaultRuntimeDir "${dir}"`,
    `Mutex file:${dir}`,
    `ErrorLog "${dir}/apache-error.log"`,
    `LogLevel warn`,
    ROOT_USER ? "User www-data\nGroup www-data" : "",
    `StartServers 2`,
    `TypesConfig /etc/mime.types`,
    `DocumentRoot "${docroot}"`,
    `DirectoryIndex index.php`,
    `<Directory "${docroot}">\n  Require all granted\n</Directory>`,
    `<FilesMatch "\\.php$">\n  SetHandler application/x-httpd-php\n</FilesMatch>`,
    "",
  ].join("\n");
}

function wpConfig({ site, socket }) {
  return `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:${socket}' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'WP_HOME', '${site}' );
define( 'WP_SITEURL', '${site}' );
// Application passwords over plain http on loopback.
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'DISABLE_WP_CRON', true );
${["AUTH", "SECURE_AUTH", "LOGGED_IN", "NONCE"].flatMap((k) => [`${k}_KEY`, `${k}_SALT`]).map((k) => `define( '${k}', '${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}' );`).join("\n")}
$table_prefix = 'wp_';
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`;
}

// Run by PHP's CLI in the site's folder: installs WordPress (as its
// installer form does), activates the plugin, and makes the author with an
// application password. Prints the author's credentials as JSON, on a line
// of its own after whatever else PHP said.
const SETUP_PHP = `<?php
define( 'WP_INSTALLING', true );
$_SERVER['HTTP_HOST'] = parse_url( getenv( 'WP_SITE' ), PHP_URL_HOST );
require getcwd() . '/wp-load.php';
function wp_new_blog_notification() {} // no mail: there is no mailer
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
wp_install( 'wirediff test', 'admin', 'admin@example.invalid', true, '', wp_generate_password( 24 ) );
$active = activate_plugin( 'wirediff/wirediff.php' );
if ( is_wp_error( $active ) ) { fwrite( STDERR, $active->get_error_message() ); exit( 1 ); }
$author = wp_insert_user( array( 'user_login' => 'reporter', 'user_pass' => wp_generate_password( 24 ), 'user_email' => 'reporter@example.invalid', 'role' => 'author' ) );
if ( is_wp_error( $author ) ) { fwrite( STDERR, $author->get_error_message() ); exit( 1 ); }
list( $password ) = WP_Application_Passwords::create_new_application_password( $author, array( 'name' => 'wirediff test' ) );
echo "\nWIREDIFF-TEST " . json_encode( array( 'user' => 'reporter', 'password' => $password, 'version' => get_bloginfo( 'version' ) ) );
`;

/**
 * Starts WordPress with the plugin from `pluginZip` installed and active.
 * Returns { site, version, author: { user, password }, rest(path, init), close() }.
 */
export async function startWordPress(pluginZip) {
  checkInstalled();
  const dir = mkdtempSync(join(tmpdir(), "wirediff-wordpress-"));
  chmodSync(dir, 0o755); // Apache's children (www-data) read the site in it
  const stops = [];
  const close = async () => {
    for (const stop of stops.reverse()) await stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // The database.
    const data = join(dir, "mysql");
    const socket = join(dir, "mysqld.sock");
    const dbLog = join(dir, "mariadb.log");
    const asRoot = ROOT_USER ? ["--user=root"] : [];
    execFileSync(DEBIAN.installDb, ["--no-defaults", `--datadir=${data}`, "--auth-root-authentication-method=normal", "--skip-test-db", ...asRoot], { stdio: "pipe" });
    const db = daemon(DEBIAN.mariadbd, ["--no-defaults", `--datadir=${data}`, `--socket=${socket}`, "--skip-networking", `--pid-file=${dir}/mariadb.pid`, `--log-error=${dbLog}`, ...asRoot], dbLog);
    stops.push(() => db.stop());
    await until("MariaDB", () => db.running() && existsSync(socket), dbLog);
    execFileSync(DEBIAN.client, ["--no-defaults", `--socket=${socket}`, "-uroot", "-e", "CREATE DATABASE wordpress"], { stdio: "pipe" });

    // The site: Debian's WordPress copied, for a configuration of our own
    // (Debian's wp-config.php reads /etc/wordpress/), with the plugin unzipped
    // as WordPress's plugin upload would.
    const port = await freePort();
    const site = `http://127.0.0.1:${port}`;
    const docroot = join(dir, "wordpress");
    cpSync(DEBIAN.wordpress, docroot, { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(docroot, "wp-config.php"), wpConfig({ site, socket }));
    execFileSync(DEBIAN.unzip, ["-q", pluginZip, "-d", join(docroot, "wp-content/plugins")]);
    execFileSync(DEBIAN.php, ["-l", join(docroot, "wp-content/plugins/wirediff/wirediff.php")], { stdio: "pipe" });
    const uploads = join(docroot, "wp-content/uploads");
    mkdirSync(uploads, { recursive: true });
    if (ROOT_USER) {
      const uid = Number(execFileSync("id", ["-u", "www-data"], { encoding: "utf8" }));
      const gid = Number(execFileSync("id", ["-g", "www-data"], { encoding: "utf8" }));
      chownSync(uploads, uid, gid);
    }
    writeFileSync(join(dir, "setup.php"), SETUP_PHP);
    const said = execFileSync(DEBIAN.php, [join(dir, "setup.php")], { cwd: docroot, encoding: "utf8", env: { ...process.env, WP_SITE: site } });
    const installed = JSON.parse(said.split("\n").find((line) => line.startsWith("WIREDIFF-TEST ")).slice(14));

    // The web server.
    const webLog = join(dir, "apache-error.log");
    writeFileSync(join(dir, "apache.conf"), apacheConfig({ dir, docroot, port }));
    const web = daemon(DEBIAN.apache, ["-f", join(dir, "apache.conf"), "-DFOREGROUND"], webLog);
    stops.push(() => web.stop());
    await until(
      "Apache",
      async () => web.running() && (await fetch(`${site}/wp-login.php`).then((r) => r.ok, () => false)),
      webLog,
    );

    const auth = `Basic ${Buffer.from(`${installed.user}:${installed.password}`).toString("base64")}`;
    /** A REST request as the author; its JSON answer, or an error with WordPress's message. */
    const rest = async (path, init = {}) => {
      const response = await fetch(`${site}/?rest_route=${path}`, { ...init, headers: { Authorization: auth, ...init.headers } });
      const body = await response.json();
      if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
      return body;
    };
    return { site, version: installed.version, author: installed, rest, close, log: () => readLog(webLog) };
  } catch (error) {
    await close();
    throw error;
  }
}
