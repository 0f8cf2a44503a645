#!/usr/bin/env bash
# The product on its embedded default, in one command: lints the demo workspace's mistakes file with
# the CLI (instant output), installs what is missing (npm packages; Node 24 + code-server into .cache/
# unless desktop VS Code's `code` is on PATH; Prometheus from Debian when apt can), builds, then runs
# scripts/demo/runDemo.ts: a test cluster (kubeconfig context `demo`) with the canary simulator on the
# wall clock, Prometheus, and VS Code with the extension on a copy of demo/workspace.
# Ctrl+C stops everything. Flags go to runDemo.ts: --browser, --port N, --no-prometheus, --real-cluster (the
# real Kubernetes control plane and Argo Rollouts controller, built from Go modules into .cache/ the first time).
set -euo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
step() { printf '\n[demo +%ss] == %s\n' "$(($(date +%s) - started))" "$*"; }

browser=0
for a in "$@"; do [ "$a" = "--browser" ] && browser=1; done
use_desktop=0
if [ "$browser" -eq 0 ] && command -v code >/dev/null 2>&1; then use_desktop=1; fi

step "npm packages"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  echo "installed"
fi

step "build, and lint the demo's mistakes file with the CLI"
npm run --silent build
node dist/cli.js demo/workspace/mistakes || true

if [ "$use_desktop" -eq 1 ]; then
  step "desktop VS Code found: $(command -v code) (runs the extension from this checkout)"
else
  step "VS Code for the browser: Node 24 and code-server into .cache/ (first run: a few minutes)"
  # The test installer without the test-only pieces: no Chromium, and Prometheus is optional below.
  INSTALL_SKIP="chromium prometheus" bash scripts/installTestDeps.sh
  step "package the extension (.vsix) for code-server"
  vsix=dist/argo-rollouts-vscode.vsix
  if [ -f "$vsix" ] && [ -z "$(find src webview media package.json esbuild.js -newer "$vsix" -print -quit)" ]; then
    echo "up to date: $vsix"
  else
    npm run --silent package >/dev/null
    echo "packaged: $vsix"
  fi
fi

step "Prometheus (for the analysis plots)"
if command -v prometheus >/dev/null 2>&1; then
  echo "present: $(command -v prometheus)"
else
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
  if command -v apt-get >/dev/null 2>&1 && $SUDO true 2>/dev/null \
    && $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends prometheus; then
    echo "installed: $(command -v prometheus)"
  else
    echo "could not install prometheus with apt: the demo runs without analysis plots"
  fi
fi

step "start the demo"
# One process (tsx as a loader, not a wrapper that forks), so Ctrl+C reaches the code that stops everything.
exec node --import tsx scripts/demo/runDemo.ts "$@"
