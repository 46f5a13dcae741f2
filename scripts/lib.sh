# Shared by the scripts: where things are, and the one reader of wasm-pack.toml.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$ROOT/node_modules/.bin:$CARGO_BIN:$PATH"

# toml_get SECTION KEY: a string value of wasm-pack.toml (flat `key = "value"` lines only).
toml_get() {
  awk -v section="[$1]" -v key="$2" '
    /^\[/ { in_section = ($0 == section) }
    in_section && $1 == key && $2 == "=" {
      value = $0; sub(/^[^=]*=[ \t]*"/, "", value); sub(/".*$/, "", value); print value; found = 1; exit
    }
    END { if (!found) exit 1 }
  ' "$ROOT/wasm-pack.toml" || { echo "wasm-pack.toml has no [$1] $2" >&2; exit 1; }
}

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# The browsers the browser tests run in, by wasm-pack's names (chrome, firefox):
# BROWSERS (the same variable tests/e2e/harness/driver.mjs reads) or wasm-pack.toml [test] browsers.
test_browsers() {
  local list
  list=${BROWSERS:-$(toml_get test browsers)}
  echo "${list//chromium/chrome}" | tr ',' ' '
}

# Where `cargo install geckodriver` puts the driver.
geckodriver_path() { echo "$CARGO_BIN/geckodriver"; }

# minify_glue DIR: esbuild --minify of the glue wasm-bindgen wrote to DIR and
# of its copy of our snippet, in place (why: scripts/build).
minify_glue() {
  local js
  for js in "$1/$(toml_get build out-name).js" "$1"/snippets/*/src/wasm/*.js; do
    [ -f "$js" ] && esbuild "$js" --minify --format=esm --log-level=warning --allow-overwrite --outfile="$js"
  done
  return 0
}
