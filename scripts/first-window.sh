#!/usr/bin/env bash
# First window: the time from JVM start until every panel of Copilot Health has painted its data,
# on a fresh demo workspace, under Xvfb. Runs the app RUNS times (default 5) and prints each run,
# the machine's load average beside it, and the median. Goal (issue 18): median <= 3 s.
#
#   scripts/first-window.sh            # plain ./vigia
#   scripts/first-window.sh --aot      # JDK 25 AOT cache: one training run writes it, the timed runs read it
#   RUNS=9 scripts/first-window.sh
#
# The app logs "demo: <title> painted in every panel N ms after JVM start" (GuiComposition, at
# VIGIA_LOG_LEVEL=INFO) at the end of the first pulse's layout after every panel has its data;
# the panels' canvases paint in that layout pass. Needs Xvfb (Debian package xvfb).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-5}"
aot=false
[ "${1:-}" = "--aot" ] && aot=true
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
run_app() { # $1: log file, $2: extra JVM options
  rm -f "$work"/demo.vigia*
  DISPLAY="$display" VIGIA_LOG_LEVEL=INFO VIGIA_JAVA_OPTS="$2" \
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

opts=""
if $aot; then
  cache="$work/vigia.aot"
  echo "training run (writes the AOT cache)..." >&2
  run_app "$work/training.log" "-XX:AOTCacheOutput=$cache" >/dev/null
  [ -f "$cache" ] || { echo "first-window: no AOT cache written" >&2; tail -n 30 "$work/training.log" >&2; exit 1; }
  opts="-XX:AOTCache=$cache"
fi

echo "| run | JVM options | every Copilot Health panel painted | load average before (1, 5, 15 min) |"
echo "|---:|---|---:|---|"
all=()
for i in $(seq "$runs"); do
  load=$(cut -d' ' -f1-3 /proc/loadavg | sed 's/ /, /g')
  ms=$(run_app "$work/run-$i.log" "$opts")
  all+=("$ms")
  echo "| $i | ${opts:-none} | $ms ms | $load |"
done
median=$(printf '%s\n' "${all[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
echo
echo "median of $runs: $median ms (goal <= 3000 ms); $(nproc) cores, load now $(cut -d' ' -f1-3 /proc/loadavg)"
