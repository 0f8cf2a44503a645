#!/usr/bin/env bash
# The product on its embedded default: builds the linter and runs it on the bundled sample
# manifests — a correct NGINX canary app and a manifest full of the usual mistakes.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run --silent build
echo "== samples/canary-nginx (a correct canary app)"
node dist/cli.js samples/canary-nginx
echo
echo "== samples/mistakes (the usual mistakes, each with Argo's own message)"
node dist/cli.js samples/mistakes || true
