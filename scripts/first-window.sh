#!/usr/bin/env bash
# First window: the time from JVM start until every panel of Copilot Health has painted its data,
# on a fresh demo workspace, under Xvfb. Runs the app RUNS times (default 5) without an AOT cache
# (VIGIA_AOT=off) and RUNS times with the JDK 25 AOT cache that ./vigia records and uses
# (JEP 483/514/515; one training run records it first, as a first start does), alternating the two
# so that both see the same load on a shared machine, and prints each run with the load average
# beside it and the median of each. Goal (issue 18): median <= 3 s.
#
#   scripts/first-window.sh
#   RUNS=9 scripts/first-window.sh
#   KEEP_LOGS=1 scripts/first-window.sh   # keeps the app's logs (the path is printed)
#
# The app logs "demo: <title> painted in every panel N ms after JVM start" (GuiComposition, at
# VIGIA_LOG_LEVEL=INFO) at the end of the first pulse's layout after every panel has its data;
# the panels' canvases paint in that layout pass. JVM start is the JVM's own start time: the
# launcher's search for a JDK 25 before it is not counted. Needs Xvfb (Debian package xvfb).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-5}"
work="$(mktemp -d "${TMPDIR:-/tmp}/vigia-first-window.XXXXXX")"
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  [ -n "${KEEP_LOGS:-}" ] && echo "logs kept in $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

"$root/vigia" --version >/dev/null # builds once if needed, so no run pays for the build

exec 3>"$work/display"
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
display=":$(head -n1 "$work/display")"

# one app run on a fresh workspace; prints the painted ms, or fails after 120 s
run_app() { # $1: log file, $2: VIGIA_AOT (on: ./vigia records or uses its AOT cache; off: without)
  rm -f "$work"/demo.vigia*
  DISPLAY="$display" VIGIA_LOG_LEVEL=INFO VIGIA_AOT="$2" \
    "$root/vigia" --workspace "$work/demo.vigia" >"$1" 2>&1 &
  app_pid=$!
  local ms=""
  for _ in $(seq 2400); do
    ms=$(sed -n 's/.*painted in every panel \([0-9]*\) ms after JVM start.*/\1/p' "$1" | head -n1)
    [ -n "$ms" ] && break
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.05
  done
  kill "$app_pid" 2>/dev/null || true # SIGTERM: the JVM exits normally (and writes an AOT cache if asked)
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
  [ -n "$ms" ] || { echo "first-window: no 'painted' line; log:" >&2; tail -n 30 "$1" >&2; return 1; }
  echo "$ms"
}

aot_dir="$root/app/target/aot"
rm -rf "$aot_dir" # so the training run records a cache for this build, as a first start does
echo "training run (records the AOT cache)..." >&2
train_load=$(cut -d' ' -f1-3 /proc/loadavg | sed 's/ /, /g')
train_ms=$(run_app "$work/training.log" on)
compgen -G "$aot_dir/vigia-*.aot.[0-9]*" >/dev/null ||
  { echo "first-window: no AOT cache written" >&2; tail -n 30 "$work/training.log" >&2; exit 1; }

echo "training run (a first start: records the cache, written at exit): $train_ms ms, load average before $train_load"
echo
echo "| run | no AOT cache | load average before (1, 5, 15 min) | AOT cache | load average before |"
echo "|---:|---:|---|---:|---|"
plain=()
cached=()
for i in $(seq "$runs"); do
  load1=$(cut -d' ' -f1-3 /proc/loadavg | sed 's/ /, /g')
  ms1=$(run_app "$work/run-$i.log" off)
  load2=$(cut -d' ' -f1-3 /proc/loadavg | sed 's/ /, /g')
  ms2=$(run_app "$work/run-$i-aot.log" on)
  plain+=("$ms1")
  cached+=("$ms2")
  echo "| $i | $ms1 ms | $load1 | $ms2 ms | $load2 |"
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
echo
echo "median of $runs: no AOT cache $(median "${plain[@]}") ms, AOT cache $(median "${cached[@]}") ms (goal <= 3000 ms);" \
  "$(nproc) cores, load now $(cut -d' ' -f1-3 /proc/loadavg)"
