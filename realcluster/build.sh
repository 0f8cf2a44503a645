#!/usr/bin/env bash
# Builds the real cluster's programs and the renderers from the Go module proxy, never from copied
# source: each folder under realcluster/go/ is a Go module whose go.mod names the upstream modules
# and whose `tool` lines name the commands. Binaries go to .cache/realcluster/<module>-<key>/, where
# the key hashes go.mod, go.sum, the flags and the Go version, so a warm start only checks hashes and
# a changed go.mod builds again. Go's module and build caches stay in their default places, shared by
# every clone on the machine.
#
#   bash realcluster/build.sh [module...]     # default: every module
#   REALCLUSTER_NO_BUILD=1 bash realcluster/build.sh helm   # only report: exit 4 when a module is not built
#
# Progress goes to stderr, one line per module with its time; stdout gets one line per module,
# "<module>=<folder of its binaries>", for scripts. Exits non-zero naming the module and go's error.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cache="$root/.cache/realcluster"
mkdir -p "$cache"

if ! command -v go >/dev/null 2>&1; then
  echo "realcluster: Go is not installed (the real cluster is built with go build from the Go module proxy)" >&2
  exit 3
fi

# The pinned versions, as go.mod says them (in a require block or on a require line).
pinned() { sed -nE "s|^(require)?[[:space:]]*$2[[:space:]]+(v[^[:space:]]+).*|\2|p" "$here/go/$1/go.mod" | head -n 1; }
k8s_version=$(pinned kubernetes k8s.io/kubernetes)
k8s_minor=$(echo "$k8s_version" | cut -d. -f2)
k8s_ldflags="-X k8s.io/component-base/version.gitVersion=$k8s_version -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$k8s_minor -X k8s.io/component-base/version.gitTreeState=clean -X k8s.io/client-go/pkg/version.gitVersion=$k8s_version -X k8s.io/client-go/pkg/version.gitMajor=1 -X k8s.io/client-go/pkg/version.gitMinor=$k8s_minor"
argo_version=$(pinned argo-rollouts github.com/argoproj/argo-rollouts)
if [ -z "$k8s_version" ] || [ -z "$argo_version" ]; then
  echo "realcluster: cannot read the pinned Kubernetes or Argo Rollouts version from realcluster/go/*/go.mod" >&2
  exit 2
fi
argo_ldflags="-X github.com/argoproj/argo-rollouts/utils/version.version=${argo_version#v} -X github.com/argoproj/argo-rollouts/utils/version.gitTag=$argo_version -X github.com/argoproj/argo-rollouts/utils/version.gitCommit=go-module-proxy -X github.com/argoproj/argo-rollouts/utils/version.gitTreeState=clean"

# flags_for MODULE: the ldflags that stamp versions clients parse (kubectl and client-go read the
# server's /version; the plugin prints its own).
flags_for() {
  case "$1" in
    kubernetes) echo "-s -w $k8s_ldflags" ;;
    argo-rollouts) echo "-s -w $argo_ldflags" ;;
    *) echo "-s -w" ;;
  esac
}

# dir_for MODULE: the cache folder of this module's current go.mod, go.sum, flags and Go.
dir_for() {
  local key
  key=$( { cat "$here/go/$1/go.mod" "$here/go/$1/go.sum"; flags_for "$1"; go env GOVERSION; } | sha256sum | cut -c1-12)
  echo "$cache/$1-$key"
}

build_one() {
  local module=$1 out tools start lock
  out=$(dir_for "$module")
  if [ -f "$out/.complete" ]; then
    echo "realcluster: $module is built ($out)" >&2
    return 0
  fi
  if [ -n "${REALCLUSTER_NO_BUILD:-}" ]; then
    echo "realcluster: $module is not built (run: bash realcluster/build.sh $module)" >&2
    return 4
  fi
  # One build of a module at a time (the test suites, the demo and a user may all ask at once): the
  # second waits for the first and then finds the module built.
  exec {lock}>"$cache/$module.lock"
  flock "$lock"
  if [ -f "$out/.complete" ]; then
    echo "realcluster: $module was built meanwhile ($out)" >&2
    return 0
  fi
  tools=$(cd "$here/go/$module" && go mod edit -json | node -e 'const m = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log((m.Tool || []).map((t) => t.Path).join(" "))')
  echo "realcluster: building $module ($tools); a cold build of the whole cluster takes about 30 minutes on 2 cores" >&2
  start=$(date +%s)
  rm -rf "$out.partial" && mkdir -p "$out.partial"
  # shellcheck disable=SC2086 # tools is a list of package paths
  if ! (cd "$here/go/$module" && GOFLAGS="-mod=mod -buildvcs=false" go build -ldflags "$(flags_for "$module")" -o "$out.partial/" $tools 1>&2); then
    echo "realcluster: go build of $module failed (see go's error above)" >&2
    rm -rf "$out.partial"
    return 1
  fi
  # etcd's package is go.etcd.io/etcd/server/v3, so go build names its binary "server".
  if [ "$module" = etcd ]; then mv "$out.partial/server" "$out.partial/etcd"; fi
  touch "$out.partial/.complete"
  rm -rf "$out" && mv "$out.partial" "$out"
  # Builds of this module's earlier go.mod or flags are never used again.
  for old in "$cache/$module"-*; do
    case "$old" in "$out" | *.partial) ;; *) rm -rf "$old" ;; esac
  done
  echo "realcluster: built $module in $(( $(date +%s) - start )) s" >&2
}

modules=("$@")
[ ${#modules[@]} -gt 0 ] || modules=(etcd kubernetes kwok argo-rollouts helm helm3 kustomize)
for m in "${modules[@]}"; do
  [ -d "$here/go/$m" ] || { echo "realcluster: no module $m under $here/go" >&2; exit 2; }
  build_one "$m"
done
for m in "${modules[@]}"; do echo "$m=$(dir_for "$m")"; done
