#!/usr/bin/env bash
# Launch one sharded rcbench run on the current kubectl context and namespace:
#   1. render <overlay> with the profile, the target, a run name and a common start time (now + lead seconds),
#   2. apply it (results PVC, injector Job of N shards, suspended merge Job),
#   3. wait until every shard has completed, then resume the merge Job and wait for it.
# The Secret rcbench-credentials (admin-user, admin-password, user-password) must exist beforehand.
#
# Usage: launch.sh [--render] <overlay-dir> <profile> <target-url> [run-name] [lead-seconds]
#   <profile>  a profile name of profiles/ (baked into the image at /opt/rcbench/profiles)
#   --render   print the manifests that would be applied and stop (no cluster needed)
# The lead (default 120 s) must cover scheduling and image pulls: a shard that starts after the common
# start time is late for its first arrivals.
set -euo pipefail

render_only=false
if [[ "${1:-}" == "--render" ]]; then render_only=true; shift; fi
if [[ $# -lt 3 ]]; then
  echo "usage: launch.sh [--render] <overlay-dir> <profile> <target-url> [run-name] [lead-seconds]" >&2
  exit 2
fi
overlay=$(cd "$1" && pwd)
profile=$2
target=$3
run=${4:-run-$(date -u +%Y%m%d-%H%M%S)}
lead=${5:-120}
[[ "$profile" =~ ^[A-Za-z0-9._-]+$ ]] || { echo "profile must be a profile name (letters, digits, '.', '_', '-'), got: $profile" >&2; exit 2; }
# The image carries this repository's profiles/: a name missing here would fail in every pod.
profiles_dir="$(cd "$(dirname "$0")/../../.." && pwd)/profiles"
[[ -f "$profiles_dir/$profile.yaml" ]] || { echo "no profile $profile in $profiles_dir" >&2; exit 2; }
[[ "$target" =~ ^https?://[^[:space:]]+$ ]] || { echo "target must be an http(s) URL, got: $target" >&2; exit 2; }
[[ "$run" =~ ^[A-Za-z0-9._-]+$ ]] || { echo "run name may hold letters, digits, '.', '_' and '-' only, got: $run" >&2; exit 2; }
[[ "$lead" =~ ^[0-9]+$ ]] || { echo "lead-seconds must be a whole number, got: $lead" >&2; exit 2; }

start_at=$(( ($(date +%s) + lead) * 1000 ))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A throw-away kustomization on top of the overlay carries this launch's values (`bases` and a relative
# path: kustomize 2.0.3 takes no `resources` directories, and no version takes an absolute base).
cat > "$work/kustomization.yaml" <<YAML
bases:
  - $(realpath --relative-to="$work" "$overlay")
configMapGenerator:
  - name: rcbench-run
    behavior: merge
    literals:
      - RCBENCH_PROFILE=$profile
      - RCBENCH_TARGET=$target
      - RCBENCH_START_AT=$start_at
      - RCBENCH_RUN=$run
YAML
manifests=$(kubectl kustomize "$work" 2> >(grep -v "is deprecated" >&2))

if $render_only; then
  printf '%s\n' "$manifests"
  exit 0
fi

if ! kubectl get secret rcbench-credentials >/dev/null 2>&1; then
  echo "Secret rcbench-credentials not found: create it first (docs/deployments.md, 'Credentials')." >&2
  exit 2
fi
if kubectl get job rcbench-injectors >/dev/null 2>&1 || kubectl get job rcbench-merge >/dev/null 2>&1; then
  echo "Jobs of an earlier run exist; delete them first (results stay on the volume):" >&2
  echo "  kubectl delete job rcbench-injectors rcbench-merge" >&2
  exit 2
fi

printf '%s\n' "$manifests" | kubectl apply -f -
echo "run $run: shards start at $start_at ($(date -u -d "@$((start_at / 1000))" +%H:%M:%SZ))"

# Waits for a Job to finish; the Jobs' activeDeadlineSeconds bound the wait.
wait_job() {
  local job=$1 state
  while :; do
    state=$(kubectl get job "$job" -o jsonpath='{.status.conditions[?(@.status=="True")].type}')
    case "$state" in
      *Complete*) return 0 ;;
      *Failed*) echo "job $job failed: kubectl logs -l job-name=$job --prefix --tail=50" >&2; return 1 ;;
    esac
    sleep 15
  done
}

wait_job rcbench-injectors
kubectl patch job rcbench-merge --type=merge -p '{"spec":{"suspend":false}}'
wait_job rcbench-merge
echo "run $run merged into /results/$run/merged on the volume rcbench-results (docs/deployments.md, 'Results')"
