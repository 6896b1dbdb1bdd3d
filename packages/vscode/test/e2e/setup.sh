#!/usr/bin/env bash
# Installs what the code-server end-to-end suite needs, idempotently:
#   - Debian chromium (driven by playwright-core), ripgrep (code-server's search), libkrb5-dev (code-server native deps)
#   - code-server 4.100.3 (VS Code 1.100.3; the last line that runs on Node 20) into a cache folder outside the workspace.
# Re-running it when everything is present costs a few milliseconds.
set -euo pipefail

CODE_SERVER_VERSION="${MQ_E2E_CODE_SERVER_VERSION:-4.100.3}"
CACHE_DIR="${MQ_E2E_CACHE:-$HOME/.cache/mq-e2e}"
INSTALL_DIR="$CACHE_DIR/code-server-$CODE_SERVER_VERSION"

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup.sh: installing ${missing[*]} with apt-get"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ -x "$INSTALL_DIR/node_modules/.bin/code-server" ]; then
    echo "setup.sh: code-server $CODE_SERVER_VERSION present in $INSTALL_DIR"
    exit 0
fi

# code-server's bundled @vscode/ripgrep downloads rg from GitHub at install time unless its download
# cache already holds the archive; these machines cannot reach GitHub, so seed the cache with Debian's rg.
tmp="$(node -p 'require("os").tmpdir()')"
rg_cache="$tmp/vscode-ripgrep-cache-1.15.11"
rg_pack="$(mktemp -d)"
mkdir -p "$rg_cache"
cp "$(command -v rg)" "$rg_pack/rg"
tar czf "$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$rg_pack" rg
rm -rf "$rg_pack"

echo "setup.sh: installing code-server $CODE_SERVER_VERSION into $INSTALL_DIR (about a minute)"
mkdir -p "$INSTALL_DIR"
[ -f "$INSTALL_DIR/package.json" ] || echo '{ "name": "mq-e2e-code-server", "private": true }' > "$INSTALL_DIR/package.json"
(
    cd "$INSTALL_DIR"
    npm_config_yes=true npm_config_unsafe_perm=true npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
)
test -x "$INSTALL_DIR/node_modules/.bin/code-server"
echo "setup.sh: code-server installed"
