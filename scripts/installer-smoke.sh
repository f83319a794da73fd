#!/usr/bin/env bash
# Builds the Linux app image and .deb, installs the .deb, and tries the installed program as a student would:
# --version, a one-epoch training on the command line, the window under Xvfb with the digits sample, Run in the
# window; then uninstalls. Prints the figures the installer issue asks for (sizes, cold start to a visible window,
# first training iteration after Run). Needs root (dpkg) and Debian's xvfb, x11-utils and xdotool, which it
# installs when apt-get is there.
#
#   scripts/installer-smoke.sh            build, install, try, uninstall
#   scripts/installer-smoke.sh --no-build use the .deb already in jpackage/target/installers
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
[ "${1:-}" = "--no-build" ] && build=0

fail() { echo "error: installer smoke: $*" >&2; exit 1; }
step() { echo "== $*"; }

[ "$(id -u)" -eq 0 ] || fail "run as root (dpkg -i / dpkg --purge); CI runs as root"
missing=""
for tool in xvfb-run xwininfo xdotool; do command -v "$tool" >/dev/null || missing="$missing $tool"; done
if [ -n "$missing" ]; then
  command -v apt-get >/dev/null || fail "missing:$missing and no apt-get to install them"
  step "installing xvfb x11-utils xdotool (for:$missing)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb x11-utils xdotool >/dev/null
fi

if [ "$build" -eq 1 ]; then
  step "building the app image and the .deb"
  ./mvnw -B -q -Pinstaller -DskipTests package
fi
deb=$(ls jpackage/target/installers/layercanvas_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "no .deb in jpackage/target/installers (build with ./mvnw -B -Pinstaller -DskipTests package)"
[ -x jpackage/target/LayerCanvas/bin/LayerCanvas ] || fail "no app image launcher in jpackage/target/LayerCanvas/bin"

# A clean user: everything the installed app writes must land in this home, never under /opt. Java takes its
# user.home from the password database, not from $HOME, hence JAVA_TOOL_OPTIONS (the worker inherits it too).
home=$(mktemp -d /tmp/layercanvas-smoke-home.XXXXXX)
export JAVA_TOOL_OPTIONS="-Duser.home=$home"
marker=$(mktemp /tmp/layercanvas-smoke-marker.XXXXXX)
cleanup() {
  [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
  if dpkg -s layercanvas >/dev/null 2>&1; then dpkg --purge layercanvas >/dev/null 2>&1 || true; fi
  rm -rf "$home" "$marker"
}
trap cleanup EXIT

# The package's post-install script registers the menu entry with xdg-desktop-menu, which refuses to run without
# the system menu folders that every desktop has but a bare container lacks.
mkdir -p /etc/xdg/menus /usr/share/desktop-directories /usr/share/applications

step "installing $deb"
dpkg --purge layercanvas >/dev/null 2>&1 || true
if ! dpkg -i "$deb" >/dev/null; then
  apt-get install -f -y -qq >/dev/null || fail "dpkg -i $deb failed and apt-get could not add its dependencies"
fi
app=/opt/layercanvas/bin/LayerCanvas
[ -x "$app" ] || fail "$app missing after installing"
touch "$marker"
[ -f /usr/share/applications/layercanvas-LayerCanvas.desktop ] || fail "no menu entry (.desktop file) installed"
grep -q "lcnet" /opt/layercanvas/lib/layercanvas-LayerCanvas-MimeInfo.xml || fail "no .lcnet file association"

step "$app --version"
version_out=$("$app" --version)
echo "$version_out"
expected=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
echo "$version_out" | grep -q "^LayerCanvas $expected" || fail "--version printed '$version_out', expected LayerCanvas $expected"

if [ -f /opt/layercanvas/lib/app/layercanvas.jsa ]; then
  # -Xshare:on fails instead of silently starting without the archive when it does not fit the installed class path.
  JAVA_TOOL_OPTIONS="$JAVA_TOOL_OPTIONS -Xshare:on" "$app" --version >/dev/null 2>&1 \
    || fail "the class-data-sharing archive made at install time does not fit the installed app"
  echo "class-data-sharing archive: ok"
fi

step "$app train sample:digits-mlp --epochs 1 --json"
train_out=$("$app" train sample:digits-mlp --epochs 1 --json)
echo "$train_out" | tail -n 3
json=$(echo "$train_out" | tail -n 1)
echo "$json" | grep -q '"testAccuracy"' || fail "train did not end with its JSON line: $json"
acc=$(echo "$json" | sed -n 's/.*"testAccuracy":\([0-9.]*\).*/\1/p')
awk -v a="$acc" 'BEGIN { exit !(a > 0.5) }' || fail "one epoch of digits reached test accuracy $acc (expected > 0.5)"
[ -d "$home/.cache/layercanvas/native" ] || fail "native libraries were not unpacked into the user's cache folder"

step "the window under Xvfb"
display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do DISPLAY="$display" xwininfo -root >/dev/null 2>&1 && break; sleep 0.05; done

# Starts the window; sets $window, $app_pid and $cold (seconds until the digits sample's window is mapped).
open_window() {
  local start shown
  start=$(date +%s.%N)
  DISPLAY="$display" "$app" >"$home/window.log" 2>&1 &
  app_pid=$!
  window=""
  for _ in $(seq 1 600); do
    window=$(DISPLAY="$display" xwininfo -root -tree 2>/dev/null | grep -m1 -i '"LayerCanvas — digits' || true)
    [ -n "$window" ] && break
    kill -0 "$app_pid" 2>/dev/null || { cat "$home/window.log" >&2; fail "the window process ended before showing"; }
    sleep 0.03
  done
  shown=$(date +%s.%N)
  [ -n "$window" ] || { cat "$home/window.log" >&2; fail "no LayerCanvas window with the digits sample within 20 s"; }
  cold=$(awk -v a="$start" -v b="$shown" 'BEGIN { printf "%.2f", b - a }')
}
close_window() {
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  sleep 1
}

# The first start also unpacks JavaFX's natives for this user; the later ones are what a student sees each day.
open_window
first_cold=$cold
echo "first start (new user): window visible after $first_cold s"
close_window
colds=""
for _ in 1 2 3; do
  open_window
  colds="$colds $cold"
  close_window
done
echo "later starts: window visible after$colds s"
# A network file given to the launcher (what the desktop does on a double-click) opens in the window.

cp samples/src/main/resources/org/layercanvas/samples/xor-2d.lcnet "$home/my-xor.lcnet"
DISPLAY="$display" "$app" "$home/my-xor.lcnet" >"$home/file.log" 2>&1 &
file_pid=$!
opened=""
for _ in $(seq 1 400); do
  opened=$(DISPLAY="$display" xwininfo -root -tree 2>/dev/null | grep -m1 '"LayerCanvas — my-xor' || true)
  [ -n "$opened" ] && break
  sleep 0.05
done
kill "$file_pid" 2>/dev/null || true
wait "$file_pid" 2>/dev/null || true
[ -n "$opened" ] || { cat "$home/file.log" >&2; fail "LayerCanvas FILE.lcnet did not open the file in the window"; }
echo "a .lcnet given to the launcher opens: $(echo "$opened" | sed 's/^ *[^ ]* //' | cut -d: -f1)"

open_window
echo "window: $window"

# Run (F5) in the window, then wait for the run's first iteration in its events file.
id=$(echo "$window" | awk '{print $1}')
sleep 2
runs="$home/.local/share/layercanvas/runs"
DISPLAY="$display" xdotool windowactivate --sync "$id" >/dev/null 2>&1 || DISPLAY="$display" xdotool windowfocus "$id"
run_start=$(date +%s.%N)
DISPLAY="$display" xdotool key --window "$id" F5
first=""
for _ in $(seq 1 600); do
  if compgen -G "$runs/*/events.jsonl" >/dev/null && grep -q '"type":"iteration"' "$runs"/*/events.jsonl 2>/dev/null; then
    first=$(date +%s.%N); break
  fi
  sleep 0.05
done
[ -n "$first" ] || { cat "$home/window.log" >&2; fail "Run (F5) in the window gave no training iteration within 30 s"; }
run_s=$(awk -v a="$run_start" -v b="$first" 'BEGIN { printf "%.2f", b - a }')
echo "first training iteration $run_s s after Run"
# The training worker runs on the bundled runtime, not on some JDK on the PATH, and not as the native launcher.
worker=$(ps -eo args | grep -E 'org\.layercanvas\.app\.Launcher worker$' | grep -v grep | head -n 1 || true)
case "$worker" in
  /opt/layercanvas/lib/runtime/bin/java\ *) echo "worker: $(echo "$worker" | cut -c1-60)..." ;;
  *) fail "the training worker did not start from /opt/layercanvas/lib/runtime/bin/java: '${worker:0:120}'" ;;
esac
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true

written=$(find /opt/layercanvas -newer "$marker" 2>/dev/null | head -n 5)
[ -z "$written" ] || fail "the installed app wrote into its installation folder: $written"

step "uninstalling"
dpkg --purge layercanvas >/dev/null
[ ! -e /opt/layercanvas ] || fail "/opt/layercanvas is still there after dpkg --purge"
! dpkg -s layercanvas >/dev/null 2>&1 || fail "dpkg still lists layercanvas after --purge"

deb_mb=$(du -m "$deb" | cut -f1)
image_mb=$(du -sm jpackage/target/LayerCanvas | cut -f1)
installed_kb=$(dpkg-deb -f "$deb" Installed-Size)
echo
echo "installer smoke test passed"
printf '  .deb                 %s MiB (%s)\n' "$deb_mb" "$(basename "$deb")"
printf '  installed            %s MiB\n' "$((installed_kb / 1024))"
printf '  app image            %s MiB\n' "$image_mb"
printf '  cold start to window %s s (new user: %s s)\n' "$(echo $colds | tr ' ' '\n' | sort -n | sed -n 2p)" "$first_cold"
printf '  Run to 1st iteration %s s\n' "$run_s"
