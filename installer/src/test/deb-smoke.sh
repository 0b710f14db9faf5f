#!/usr/bin/env bash
# Installs the .deb built by `mvn -Pinstaller -pl installer -am -DskipTests package` the way users do
# (`apt-get install ./vigia_*.deb`) and removes it again (`dpkg --purge vigia`), in three scenarios:
#
#  desktop   this machine with the XDG menu folders a desktop has (created for the run where missing):
#            CLI, menu entry and icon, SBOM and licenses, the GUI under Xvfb, and purge removing the entry.
#  headless  this machine with every XDG menu folder moved aside (put back afterwards), as on a server
#            where the weekly report runs from cron: install and purge exit 0, and with no DISPLAY
#            `vigia simulate --store --days 8` then `vigia report --format pdf,html,csv` write three
#            non-empty files.
#  minimal   a fresh Debian minbase root made with debootstrap (no desktop, no X, no menu folders),
#            entered with chroot: the package installed without its recommended packages (no X, no
#            xdg-utils) must run the report; installed again with them (xdg-utils present, still no
#            menu folder: the case that failed with "No writable system menu directory found").
#            Needs debootstrap and the Debian mirror this machine's apt uses; where debootstrap is
#            missing or cannot build the root, the scenario is skipped with a note (headless still
#            covers a machine without menu folders).
#
# Needs root (apt-get, dpkg, chroot), Xvfb, xwininfo, xprop and ImageMagick's import/identify for the
# desktop scenario. Exits non-zero on the first failure; in every case the package is purged, moved
# folders are put back, created ones removed, and the minimal root unmounted and deleted.
# usage: sudo installer/src/test/deb-smoke.sh [path/to/vigia_*.deb] [screenshot.png]
#        VIGIA_SMOKE_SCENARIOS=desktop,headless,minimal (the default: all three, in this order)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
deb="${1:-$(ls "$here"/../../target/dist/vigia_*.deb 2>/dev/null | head -1 || true)}"
shot="${2:-/tmp/vigia-deb-smoke.png}"
display="${VIGIA_SMOKE_DISPLAY:-:97}"
scenarios="${VIGIA_SMOKE_SCENARIOS:-desktop,headless,minimal}"
[ -f "$deb" ] || { echo "FAIL: no .deb (build it with -Pinstaller first)"; exit 1; }
deb="$(readlink -f "$deb")"
[ "$(id -u)" = 0 ] || { echo "FAIL: installing a package needs root"; exit 1; }
installed() { dpkg-query -W -f='${Status}' vigia 2>/dev/null | grep -q 'installed'; }
if installed; then echo "FAIL: a vigia package is already installed; remove it first"; exit 1; fi

work=$(mktemp -d /tmp/vigia-smoke.XXXXXX)
chmod 755 "$work" # apt's unprivileged download user reads the .deb from here
xvfb_pid=""; app_pid=""; made_dirs=""; moved_dirs=""; root=""
export DEBIAN_FRONTEND=noninteractive

restore_dirs() {
  local d
  for d in $moved_dirs; do
    if [ -e "$d.vigia-smoke-aside" ]; then
      if [ -e "$d" ]; then
        echo "WARN: $d was created again during the run; it is left as is and the original stays at $d.vigia-smoke-aside"
      else
        mv "$d.vigia-smoke-aside" "$d" && echo "note: put $d back"
      fi
    fi
  done
  moved_dirs=""
}
remove_made_dirs() {
  local d
  for d in $made_dirs; do
    rmdir "$d" 2>/dev/null && echo "note: removed $d again" || echo "WARN: $d (created for the desktop scenario) is not empty; left in place"
  done
  made_dirs=""
}
release_root() {
  [ -n "$root" ] || return 0
  if [ -d "$root/proc" ] && mountpoint -q "$root/proc"; then umount "$root/proc" || umount -l "$root/proc"; fi
  # never delete through a mount that is still there
  if ! grep -q " $root/" /proc/mounts; then rm -rf "$root"; else echo "WARN: $root still has mounts; not deleted"; fi
  root=""
}
# the script's own stdout and stderr: a signal can run the EXIT trap inside a function call whose
# output is redirected to a log, and the cleanup's notes belong on the terminal
exec 3>&1 4>&2
cleanup() {
  exec 1>&3 2>&4
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  if dpkg-query -W vigia >/dev/null 2>&1; then
    echo "== cleanup: dpkg --purge vigia"; dpkg --purge vigia >/dev/null 2>&1 && echo "removed" || echo "WARN: dpkg --purge vigia failed"
  fi
  restore_dirs
  remove_made_dirs
  release_root
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
fail() { echo "FAIL: $*"; exit 1; }
step() { echo "== $*"; }
want() { [[ ",$scenarios," == *",$1,"* ]]; }

# `apt-get install ./vigia_*.deb`, which must exit 0; its output is kept in $work/$1.log
apt_install() {
  local log="$work/$1.log"; shift
  if ! apt-get install -y -q "$@" "$deb" > "$log" 2>&1; then
    cat "$log"; fail "apt-get install $* $(basename "$deb") exited non-zero"
  fi
  dpkg -s vigia | grep -q '^Status: install ok installed' || { cat "$log"; fail "vigia is not installed"; }
  grep '^vigia: ' "$log" || true # the maintainer scripts' notes
}
purge() {
  step "dpkg --purge vigia"
  local rc=0
  dpkg --purge vigia > "$work/purge.log" 2>&1 || rc=$?
  [ "$rc" = 0 ] || { cat "$work/purge.log"; fail "dpkg --purge vigia exited $rc"; }
  cat "$work/purge.log"
  ! dpkg-query -W vigia >/dev/null 2>&1 || fail "vigia is still known to dpkg after the purge"
  [ ! -e /opt/vigia ] || fail "/opt/vigia is still there after the purge"
  [ ! -L /usr/bin/vigia ] || fail "the /usr/bin/vigia link is still there after the purge"
}

# With no DISPLAY: a week of history into a new workspace, then the weekly report as PDF, HTML and CSV.
# $1: how to run a command (run_host or run_root); $2: the folder to work in, as that command sees it;
# $3: the same folder as this script sees it.
headless_report() {
  local run="$1" dir="$2" seen="$3"
  step "with no DISPLAY: vigia simulate --store --days 8, then vigia report --format pdf,html,csv"
  mkdir -p "$seen/report"
  $run vigia --workspace "$dir/headless.vigia" simulate --store --days 8 > "$seen/simulate.log" 2>&1 \
    || { cat "$seen/simulate.log"; fail "vigia simulate exited non-zero"; }
  tail -2 "$seen/simulate.log"
  $run vigia --workspace "$dir/headless.vigia" report --format pdf,html,csv --out "$dir/report" > "$seen/report.log" 2>&1 \
    || { cat "$seen/report.log"; fail "vigia report exited non-zero"; }
  cat "$seen/report.log"
  local ext f csvs
  for ext in pdf html; do
    f=$(ls "$seen/report/"*."$ext" 2>/dev/null | head -1 || true)
    [ -n "$f" ] && [ -s "$f" ] || fail "vigia report wrote no non-empty .$ext file"
    echo "  $(basename "$f"): $(stat -c %s "$f") bytes"
  done
  # the CSV format is a folder of one .csv per panel (and kpis.csv)
  csvs=$(find "$seen/report" -name '*.csv' | sort)
  [ -n "$csvs" ] || fail "vigia report wrote no .csv file"
  for f in $csvs; do [ -s "$f" ] || fail "$f is empty"; done
  f=$(find "$seen/report" -name kpis.csv | head -1)
  [ -n "$f" ] || fail "no kpis.csv"
  echo "  $(basename "$(dirname "$f")")/: $(wc -l <<<"$csvs") .csv files, none empty, $(cat $csvs | wc -c) bytes; kpis.csv $(stat -c %s "$f") bytes"
  head -c 5 "$(ls "$seen/report/"*.pdf | head -1)" | grep -q '%PDF-' || fail "the .pdf is not a PDF"
  grep -qi '<html' "$(ls "$seen/report/"*.html | head -1)" || fail "the .html is not HTML"
}
run_host() { env -u DISPLAY -u WAYLAND_DISPLAY "$@"; }

# ---------------------------------------------------------------------------------------------------
desktop() {
  step "DESKTOP: $(basename "$deb") ($(du -h "$deb" | cut -f1)) on this machine with XDG menu folders"
  local d
  # what a desktop has and a minimal machine lacks: created for the run where missing, removed after
  for d in /etc/xdg/menus /usr/share/applications /usr/share/desktop-directories; do
    [ -d "$d" ] || { mkdir -p "$d"; made_dirs="$made_dirs $d"; echo "note: created $d (absent on this machine)"; }
  done
  step "apt-get install ./$(basename "$deb")"
  apt_install desktop-install
  grep -q 'no desktop menu' "$work/desktop-install.log" && fail "postinst found no desktop menu although /etc/xdg/menus exists"
  grep -q 'could not add the menu entry' "$work/desktop-install.log" && fail "xdg-desktop-menu failed on a desktop"
  launcher=$(dpkg -L vigia | grep -E '^/opt/.*/bin/vigia$' | head -1)
  [ -x "$launcher" ] || fail "no launcher in the package"
  echo "launcher: $launcher"
  [ "$(readlink /usr/bin/vigia)" = "$launcher" ] || fail "/usr/bin/vigia does not link to $launcher"

  step "vigia --version"
  out=$(vigia --version) || fail "--version exited $?"
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
  desktop=$(ls /usr/share/applications/*vigia*.desktop /usr/local/share/applications/*vigia*.desktop 2>/dev/null | head -1 || true)
  [ -n "$desktop" ] || fail "no .desktop file in /usr/share/applications"
  echo "$desktop:"; cat "$desktop"
  icon=$(sed -n 's/^Icon=//p' "$desktop"); exec_line=$(sed -n 's/^Exec=//p' "$desktop")
  [ -f "$icon" ] || fail "icon $icon missing"
  identify "$icon"
  grep -q 'Categories=.*Development' "$desktop" || fail "menu group missing"
  [ -x "${exec_line%% *}" ] || fail "Exec= $exec_line is not executable"

  step "SBOM and third-party licenses shipped"
  local pkgroot; pkgroot=$(dirname "$(dirname "$launcher")")
  sbom="$pkgroot/lib/doc/vigia-sbom.cdx.json"; third="$pkgroot/lib/doc/THIRD-PARTY.txt"
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
  kill "$xvfb_pid" 2>/dev/null || true; xvfb_pid=""

  purge
  [ ! -e "$desktop" ] || fail "the menu entry $desktop is still there after the purge"
  remove_made_dirs
  echo "desktop: OK"
}

# ---------------------------------------------------------------------------------------------------
headless() {
  step "HEADLESS: this machine with its XDG menu folders moved aside"
  local d dirs=""
  # xdg-desktop-menu looks for "menus" in each of $XDG_CONFIG_DIRS (default /etc/xdg) and for
  # "desktop-directories" in each of $XDG_DATA_DIRS (default /usr/local/share:/usr/share); a server has
  # none of them. /usr/share/applications stays: many packages own files in it.
  for d in $(echo "${XDG_CONFIG_DIRS:-/etc/xdg}" | tr ':' ' '); do dirs="$dirs ${d%/}/menus"; done
  for d in $(echo "${XDG_DATA_DIRS:-/usr/local/share:/usr/share}" | tr ':' ' '); do dirs="$dirs ${d%/}/desktop-directories"; done
  for d in $dirs; do
    if [ -e "$d" ]; then
      [ ! -e "$d.vigia-smoke-aside" ] || fail "$d.vigia-smoke-aside exists (left from an earlier run?): put it back first"
      mv "$d" "$d.vigia-smoke-aside"; moved_dirs="$moved_dirs $d"; echo "note: moved $d aside"
    fi
  done
  echo "menu folders now: $(ls -d $dirs 2>/dev/null || echo none)"
  step "apt-get install ./$(basename "$deb")"
  apt_install headless-install
  grep -q 'no desktop menu' "$work/headless-install.log" || fail "postinst did not say that there is no desktop menu"
  mkdir -p "$work/headless"
  headless_report run_host "$work/headless" "$work/headless"
  purge
  restore_dirs
  echo "headless: OK"
}

# ---------------------------------------------------------------------------------------------------
# in the minimal root, with the environment of a cron job: no DISPLAY, a plain PATH
run_root() { chroot "$root" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
# root_has PACKAGE: installed in the minimal root
root_has() { run_root dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }

minimal() {
  step "MINIMAL: a Debian minbase root made with debootstrap"
  if ! command -v debootstrap >/dev/null 2>&1; then
    echo "note: minimal scenario skipped: no debootstrap here (apt-get install debootstrap)"; return 0
  fi
  local suite mirror
  suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  # the mirror this machine's apt already uses for its own suite (debootstrap's default otherwise)
  mirror=$(apt-get indextargets --format '$(RELEASE) $(REPO_URI)' 2>/dev/null | awk -v s="$suite" '$1 == s {print $2; exit}')
  [ -n "$suite" ] || { echo "note: minimal scenario skipped: this machine does not name its Debian release"; return 0; }
  root="$work/root"
  echo "debootstrap --variant=minbase $suite $root ${mirror:-(the default mirror of debootstrap)}"
  if ! debootstrap --variant=minbase "$suite" "$root" $mirror > "$work/debootstrap.log" 2>&1; then
    tail -5 "$work/debootstrap.log"
    echo "note: minimal scenario skipped: debootstrap could not build the root (the headless scenario covers a machine without menu folders)"
    release_root; return 0
  fi
  mount -t proc proc "$root/proc" # the JVM reads /proc/self
  cp "$deb" "$root/tmp/"
  local rdeb; rdeb="/tmp/$(basename "$deb")"
  ls -d "$root"/etc/xdg/menus "$root"/usr/share/desktop-directories 2>/dev/null && fail "the minimal root has menu folders"
  run_root apt-get update -q > "$work/root-update.log" 2>&1 || { cat "$work/root-update.log"; fail "apt-get update in the minimal root"; }

  step "apt-get install --no-install-recommends ./$(basename "$deb") (no X, no xdg-utils)"
  run_root apt-get install -y -q --no-install-recommends "$rdeb" > "$work/root-install.log" 2>&1 \
    || { cat "$work/root-install.log"; fail "apt-get install --no-install-recommends exited non-zero in the minimal root"; }
  grep '^vigia: ' "$work/root-install.log" || true
  grep -q 'no desktop menu' "$work/root-install.log" || fail "postinst did not say that there is no desktop menu"
  for p in xdg-utils libx11-6 libgtk-3-0 libgl1; do
    root_has "$p" && fail "$p was installed although it is only recommended"
  done
  echo "installed: $(run_root dpkg-query -W -f='${binary:Package} ' vigia libfontconfig1 fontconfig-config fonts-dejavu-core 2>/dev/null)"
  echo "not installed: xdg-utils libx11-6 libgtk-3-0 libgl1"
  mkdir -p "$root/tmp/headless"
  headless_report run_root /tmp/headless "$root/tmp/headless"
  step "dpkg --purge vigia (minimal root)"
  run_root dpkg --purge vigia > "$work/root-purge.log" 2>&1 || { cat "$work/root-purge.log"; fail "dpkg --purge vigia exited non-zero in the minimal root"; }
  cat "$work/root-purge.log"
  [ ! -e "$root/opt/vigia" ] || fail "/opt/vigia is still in the minimal root after the purge"

  step "apt-get install ./$(basename "$deb") with its recommended packages (xdg-utils, still no menu folder)"
  run_root apt-get install -y -q "$rdeb" > "$work/root-install2.log" 2>&1 \
    || { cat "$work/root-install2.log"; fail "apt-get install exited non-zero in the minimal root with xdg-utils"; }
  grep '^vigia: ' "$work/root-install2.log" || true
  root_has xdg-utils || fail "xdg-utils (recommended) was not installed"
  root_has libgtk-3-0 || fail "libgtk-3-0 (recommended) was not installed"
  grep -q 'no desktop menu' "$work/root-install2.log" || fail "postinst did not say that there is no desktop menu"
  # every library the natives link against resolves once the recommended packages are in
  missing=$(run_root sh -c 'for f in /opt/vigia/lib/runtime/lib/*.so; do ldd "$f" | grep "not found" | sed "s|^|$f: |"; done' | grep -v libjvm.so || true)
  [ -z "$missing" ] || fail "libraries not found with the recommended packages: $missing"
  echo "all native libraries of the runtime resolve"
  step "dpkg --purge vigia (minimal root, xdg-utils present)"
  run_root dpkg --purge vigia > "$work/root-purge2.log" 2>&1 || { cat "$work/root-purge2.log"; fail "dpkg --purge vigia exited non-zero in the minimal root"; }
  cat "$work/root-purge2.log"

  # a menu entry added at install, whose menu folder is gone by the time the package is removed (or
  # xdg-utils was removed first): prerm cannot ask xdg-desktop-menu and must delete the entry itself
  step "menu folders made in the root, dpkg -i (entry added), menu folder removed, dpkg --purge"
  mkdir -p "$root/etc/xdg/menus" "$root/usr/share/desktop-directories"
  run_root dpkg -i "$rdeb" > "$work/root-install3.log" 2>&1 || { cat "$work/root-install3.log"; fail "dpkg -i with menu folders in the minimal root"; }
  grep '^vigia: ' "$work/root-install3.log" || true
  [ -f "$root/usr/share/applications/vigia-vigia.desktop" ] || { cat "$work/root-install3.log"; fail "no menu entry although the root now has menu folders"; }
  echo "menu entry added: /usr/share/applications/vigia-vigia.desktop"
  rm -rf "$root/etc/xdg/menus"
  run_root dpkg --purge vigia > "$work/root-purge3.log" 2>&1 || { cat "$work/root-purge3.log"; fail "dpkg --purge vigia exited non-zero after its menu folder went"; }
  cat "$work/root-purge3.log"
  [ ! -e "$root/usr/share/applications/vigia-vigia.desktop" ] || fail "the menu entry outlived the package"
  release_root
  echo "minimal: OK"
}

want desktop && desktop
want headless && headless
want minimal && minimal
echo "deb-smoke: OK ($scenarios)"
