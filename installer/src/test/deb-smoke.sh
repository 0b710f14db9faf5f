#!/usr/bin/env bash
# Installs the .deb built by `mvn -Pinstaller -pl installer -am -DskipTests package`, checks the
# installed copy (CLI, menu entry, SBOM, licenses, GUI under Xvfb) and removes the package again.
# Needs root (dpkg -i), Xvfb, xwininfo and ImageMagick's import/identify. Exits non-zero on the
# first failure; the package is removed in any case.
# usage: sudo installer/src/test/deb-smoke.sh [path/to/vigia_*.deb] [screenshot.png]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
deb="${1:-$(ls "$here"/../../target/dist/vigia_*.deb 2>/dev/null | head -1)}"
shot="${2:-/tmp/vigia-deb-smoke.png}"
display="${VIGIA_SMOKE_DISPLAY:-:97}"
[ -f "$deb" ] || { echo "FAIL: no .deb (build it with -Pinstaller first)"; exit 1; }
[ "$(id -u)" = 0 ] || { echo "FAIL: dpkg -i needs root"; exit 1; }
installed() { dpkg-query -W -f='${Status}' vigia 2>/dev/null | grep -q 'installed'; }
if installed; then echo "FAIL: a vigia package is already installed; remove it first"; exit 1; fi

work=$(mktemp -d /tmp/vigia-smoke.XXXXXX)
xvfb_pid=""; app_pid=""; made_dirs=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  if dpkg-query -W vigia >/dev/null 2>&1; then
    echo "== dpkg --purge vigia"; dpkg --purge vigia >/dev/null 2>&1 && echo "removed"
  fi
  [ ! -e /usr/share/applications/vigia-vigia.desktop ] || echo "WARN: the menu entry is still there after removal"
  [ ! -e /opt/vigia/bin/vigia ] || echo "WARN: /opt/vigia/bin/vigia still present after removal"
  for d in $made_dirs; do rmdir "$d" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
step() { echo "== $*"; }

# jpackage's postinst registers the menu entry with xdg-desktop-menu, which needs the XDG menu
# directories that every desktop has but a minimal container lacks: create them (and remove them after)
made_dirs=""
for d in /etc/xdg/menus /usr/share/applications /usr/share/desktop-directories; do
  [ -d "$d" ] || { mkdir -p "$d"; made_dirs="$made_dirs $d"; echo "note: created $d (absent on this minimal system)"; }
done

step "dpkg -i $(basename "$deb") ($(du -h "$deb" | cut -f1))"
if ! dpkg -i "$deb" > "$work/dpkg.log" 2>&1; then
  # dpkg does not fetch dependencies (xdg-utils, X libraries): let apt complete the install
  grep -E 'depends on' "$work/dpkg.log" || { cat "$work/dpkg.log"; fail "dpkg -i"; }
  DEBIAN_FRONTEND=noninteractive apt-get install -f -y -q >/dev/null || fail "apt-get -f install"
fi
dpkg -s vigia | grep -q '^Status: install ok installed' || fail "vigia is not installed"
launcher=$(dpkg -L vigia | grep -E '/bin/vigia$' | head -1)
[ -x "$launcher" ] || fail "no launcher in the package"
echo "launcher: $launcher"

step "vigia --version"
out=$("$launcher" --version) || fail "--version exited $?"
echo "$out"
grep -q '^Vigia ' <<<"$out" || fail "--version did not print 'Vigia <version>'"
grep -q 'Java 25' <<<"$out" || fail "--version does not run on the bundled Java 25 runtime"

step "CLI on a fresh workspace (SQLite native library from the runtime, no extraction to /tmp)"
mkdir "$work/tmp"
JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$work/tmp" "$launcher" --workspace "$work/cli.vigia" query 'vector(42)' \
  > "$work/q.json" 2>/dev/null || fail "query exited $?"
cat "$work/q.json"; echo
grep -q '"42"' "$work/q.json" || fail "query vector(42) did not answer 42"
[ -z "$(ls -A "$work/tmp")" ] || fail "sqlite-jdbc extracted its native library into java.io.tmpdir: $(ls "$work/tmp")"

step "menu entry and icon"
desktop=$(ls /usr/share/applications/*vigia*.desktop 2>/dev/null | head -1)
[ -n "$desktop" ] || fail "no .desktop file in /usr/share/applications"
cat "$desktop"
icon=$(sed -n 's/^Icon=//p' "$desktop"); exec_line=$(sed -n 's/^Exec=//p' "$desktop")
[ -f "$icon" ] || fail "icon $icon missing"
identify "$icon"
grep -q 'Categories=.*Development' "$desktop" || fail "menu group missing"
[ -x "${exec_line%% *}" ] || fail "Exec= $exec_line is not executable"

step "SBOM and third-party licenses shipped"
root=$(dirname "$(dirname "$launcher")")
sbom="$root/lib/doc/vigia-sbom.cdx.json"; third="$root/lib/doc/THIRD-PARTY.txt"
[ -s "$sbom" ] || fail "no SBOM at $sbom"
[ -s "$third" ] || fail "no THIRD-PARTY.txt at $third"
python3 - "$sbom" <<'PY' || fail "SBOM is not a CycloneDX document with components"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["bomFormat"] == "CycloneDX", d.get("bomFormat")
names = {c["name"] for c in d["components"]}
for n in ("vigia-app", "javafx-controls", "sqlite-jdbc", "jackson-databind"):
    assert n in names, n
print(f"CycloneDX {d['specVersion']}: {len(d['components'])} components")
PY
grep -m1 'third-party' "$third"
unknown=$(grep 'Unknown license' "$third" | grep -v '(io\.vigia:' || true)
[ -z "$unknown" ] || fail "third-party dependencies without a license: $unknown"

step "GUI under Xvfb ($display)"
if ! xwininfo -display "$display" -root >/dev/null 2>&1; then
  Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 & xvfb_pid=$!
  for _ in $(seq 50); do xwininfo -display "$display" -root >/dev/null 2>&1 && break; sleep 0.2; done
fi
DISPLAY="$display" "$launcher" --workspace "$work/gui.vigia" > "$work/gui.log" 2>&1 & app_pid=$!
title=""
for _ in $(seq 120); do
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/gui.log"; fail "the app exited"; }
  title=$(xwininfo -display "$display" -root -tree | grep -o '"Vigia — [^"]*"' | head -1 || true)
  [ -n "$title" ] && break
  sleep 0.5
done
[ -n "$title" ] || { cat "$work/gui.log"; fail "no Vigia window within 60 s"; }
echo "window: $title"
wid=$(xwininfo -display "$display" -root -tree | grep -F "$title" | awk '{print $1}' | head -1)
wm_class=$(xprop -display "$display" -id "$wid" WM_CLASS 2>/dev/null | sed 's/.*= //')
wm_want=$(sed -n 's/^StartupWMClass=//p' "$desktop")
echo "WM_CLASS: $wm_class (the menu entry's StartupWMClass: $wm_want)"
grep -qF "\"$wm_want\"" <<<"$wm_class" || fail "StartupWMClass does not match the window's WM_CLASS (the dock would not group it)"
# the demo workspace loads in the background; its dashboard is on screen when the store has it
for _ in $(seq 120); do
  n=$("$launcher" --workspace "$work/gui.vigia" query 'count(count by (team) (vigia_copilot_suggestions_shown_total))' 2>/dev/null \
      | python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else 0)' 2>/dev/null || echo 0)
  [ "$n" != "0" ] && break
  sleep 0.5
done
echo "demo data in the workspace: $n teams"
[ "$n" != "0" ] || fail "the demo workspace was not loaded"
sleep 5 # let the dashboard paint its panels
DISPLAY="$display" import -window root "$shot"
colors=$(identify -format '%k' "$shot")
echo "screenshot: $shot ($colors colours)"
[ "$colors" -gt 500 ] || fail "the screen looks empty ($colors colours)"
kill -0 "$app_pid" 2>/dev/null || fail "the app died"
grep -E 'ERROR|Exception' "$work/gui.log" && fail "errors in the app's log" || true
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
echo "deb-smoke: OK"
