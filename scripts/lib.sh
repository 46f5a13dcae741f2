# Shared by the scripts: where things are, and the one reader of wasm-pack.toml.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

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
