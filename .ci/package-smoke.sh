#!/usr/bin/env bash
# CI: builds the .deb, installs it, runs `importdesk --version` and `config show` under Xvfb, opens the workstation
# under Xvfb for a few seconds (it must stay up and map its window), then purges the package and checks that nothing
# is left. Quiet: one line per step; the step's log only when it fails. Time-bounded per step.
# Skips (exit 0) when not root or a tool is missing, and when an importdesk package is already installed (it is not
# ours to purge) unless PACKAGE_SMOKE_REPLACE=1.
# Usage: .ci/package-smoke.sh [existing.deb]
# Env: IMPORTDESK_MVN_ARGS (e.g. -o), PACKAGE_SMOKE_GUI_SECONDS (12), IMPORTDESK_DEB_COMPRESSION
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
skip() { echo "package-smoke: SKIP: $*"; exit 0; }

[ "$(id -u)" = 0 ] || skip "not root (installing a .deb needs root)"
for tool in dpkg dpkg-deb fakeroot apt-get xvfb-run timeout setsid jpackage jlink; do
  command -v "$tool" >/dev/null 2>&1 || skip "$tool not installed"
done
if dpkg-query -W -f='${Status}' importdesk 2>/dev/null | grep -q 'install ok installed' && [ "${PACKAGE_SMOKE_REPLACE:-0}" != 1 ]; then
  skip "an importdesk package is already installed (set PACKAGE_SMOKE_REPLACE=1 to replace and purge it)"
fi

work=$(mktemp -d /tmp/package-smoke.XXXXXX)
log="$work/step.log"
installed=false
purge() {
  DEBIAN_FRONTEND=noninteractive timeout 300 apt-get purge -y -q importdesk >>"$log" 2>&1 \
    || timeout 120 dpkg --purge importdesk >>"$log" 2>&1
}
cleanup() {
  local rc=$?
  if $installed; then purge || true; fi
  rm -rf "$work"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
  echo "package-smoke: FAIL: $*"
  echo "---- log (last 60 lines) ----"
  tail -n 60 "$log"
  exit 1
}
# step NAME SECONDS COMMAND...: runs quietly, bounded, prints one line
step() {
  local name=$1 secs=$2 t0; shift 2
  t0=$(date +%s)
  : >"$log"
  timeout --kill-after=10 "$secs" "$@" >>"$log" 2>&1 || fail "$name (exit $?, limit ${secs}s)"
  echo "package-smoke: ok: $name ($(( $(date +%s) - t0 )) s)"
}

# 1. the package
if [ $# -ge 1 ]; then
  deb=$(readlink -f "$1")
  [ -f "$deb" ] || fail "no such .deb: $1"
else
  step "build .deb" 1500 \
    packaging/jpackage/build-deb.sh --out "$work/pkg"
  deb=$(ls "$work"/pkg/importdesk_*.deb 2>/dev/null | head -1)
  [ -n "$deb" ] || fail "build-deb.sh made no .deb"
fi
echo "package-smoke: package $(basename "$deb") $(( $(stat -c %s "$deb") / 1000000 )) MB"

# 2. install (apt-get resolves Depends; dpkg alone when apt-get cannot, e.g. no package lists)
installed=true
: >"$log"
if ! DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -q --no-install-recommends "$deb" >>"$log" 2>&1; then
  timeout 300 dpkg -i "$deb" >>"$log" 2>&1 || fail "install"
fi
dpkg-query -W -f='${Status}' importdesk 2>/dev/null | grep -q 'install ok installed' || fail "install: not installed"
[ -x /opt/importdesk/bin/importdesk ] || fail "install: /opt/importdesk/bin/importdesk missing"
[ -L /usr/bin/importdesk ] || fail "install: /usr/bin/importdesk link missing"
[ ! -d /usr/share/applications ] || [ -f /usr/share/applications/importdesk.desktop ] || fail "install: no menu entry"
echo "package-smoke: ok: install"

# 3. headless runs as a fresh user (own HOME, no site file)
export HOME="$work/home" IMPORTDESK_SITE_CONFIG="$work/no-site.properties"
unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME XDG_STATE_HOME IMPORTDESK_HOME
mkdir -p "$HOME"
step "--version under Xvfb" 120 xvfb-run -a importdesk --version
grep -q '^ImportDesk [0-9]' "$log" && grep -q '^Inference: ' "$log" || fail "--version output unexpected"
sed 's/^/package-smoke:   /' "$log" | grep -v '^package-smoke:   $' | head -12
step "config show (first run)" 120 xvfb-run -a importdesk config show
grep -q 'first run' "$log" || fail "config show did not report a first run"

# 4. the workstation: must still run after N seconds and have mapped its window
gui_seconds=${PACKAGE_SMOKE_GUI_SECONDS:-12}
cat >"$work/gui.sh" <<GUI
importdesk gui & app=\$!
sleep $gui_seconds
kill -0 \$app 2>/dev/null || { echo "the workstation exited early"; exit 3; }
if command -v xwininfo >/dev/null; then
  xwininfo -root -tree | grep -q '"ImportDesk"' || { echo "no ImportDesk window mapped"; kill \$app; exit 4; }
fi
kill \$app; wait \$app 2>/dev/null; exit 0
GUI
step "workstation stays up ${gui_seconds}s under Xvfb" $(( gui_seconds + 90 )) setsid xvfb-run -a -s "-screen 0 1280x1024x24" sh "$work/gui.sh"

[ -s "$HOME/.local/state/importdesk/logs/importdesk.log" ] || [ -f "$HOME/.local/state/importdesk/logs/importdesk.log" ] \
  || fail "the workstation wrote no log file in ~/.local/state/importdesk/logs"

# 5. purge, and nothing left behind
: >"$log"
purge || fail "purge"
installed=false
echo "package-smoke: ok: purge"
dpkg-query -W -f='${Status}' importdesk 2>/dev/null | grep -q 'installed' && fail "purge: still installed"
[ ! -e /opt/importdesk ] || fail "purge: /opt/importdesk left behind"
[ ! -e /usr/bin/importdesk ] && [ ! -L /usr/bin/importdesk ] || fail "purge: /usr/bin/importdesk left behind"
[ ! -e /usr/share/applications/importdesk.desktop ] || fail "purge: menu entry left behind"
echo "package-smoke: PASS"
