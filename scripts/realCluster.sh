#!/usr/bin/env bash
# The real Kubernetes control plane and the real Argo Rollouts controller on loopback, built from Go
# modules into .cache/ the first time (about half an hour on 2 cores; then seconds). Prints
# "export KUBECONFIG=…" and runs until Ctrl+C, which stops every process and removes its state.
#   bash scripts/realCluster.sh [--no-controller] [--no-prometheus] [--seed]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
exec npx tsx realcluster/cli.ts "$@"
