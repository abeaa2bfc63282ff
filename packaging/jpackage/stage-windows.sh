#!/usr/bin/env bash
# Stages the MSI inputs on Linux (the build needs Debian's PixelMed, so the jars are built here; jpackage and WiX run
# on the Windows build machine, see WINDOWS.md):
#   packaging/jpackage/stage-windows.sh
# Output: target/jpackage-win/importdesk-windows-input.zip with input/ (the app jar, lib/ with the win-x86_64 natives
# of JavaFX and DJL, models/, share/) plus build-msi.ps1 and WINDOWS.md.
# Env: IMPORTDESK_MVN_ARGS (e.g. "-o").
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
here="$root/packaging/jpackage"
out="$root/target/jpackage-win"
rm -rf "$out" && mkdir -p "$out/stage/input/lib" "$out/stage/input/share"
# The windows profile swaps the native classifiers; -Djavafx.platform=win also steers the JavaFX poms' own detection.
# Built in the reactor (-am) so that the project's own modules come from this checkout, not from ~/.m2.
(cd "$root" && ./mvnw -B -q -DskipTests ${IMPORTDESK_MVN_ARGS:-} -Pwindows -Djavafx.platform=win \
   -Dimportdesk.lib.dir="$out/stage/input/lib" -pl app -am package)
find "$out/stage/input/lib" -name 'javafx-*.jar' ! -name 'javafx-*-win.jar' -size -2k -delete
if ls "$out/stage/input/lib" | grep -E -e '-linux(-x86_64)?\.jar$'; then
  echo "stage-windows: Linux natives leaked into the Windows lib (above)" >&2; exit 1
fi
cp "$root/app/target/importdesk-app.jar" "$out/stage/input/"
if [ -d "$root/models" ]; then cp -r "$root/models" "$out/stage/input/models"; else mkdir -p "$out/stage/input/models"; fi
cp "$root/import-engine/src/main/resources/org/importdesk/engine/config/site.properties.example" "$out/stage/input/share/"
cp "$here/build-msi.ps1" "$here/WINDOWS.md" "$out/stage/"
(cd "$out/stage" && jar --create --file "$out/importdesk-windows-input.zip" --no-manifest .)
echo "[stage-windows] $(ls "$out/stage/input/lib" | wc -l) jars; natives: $(ls "$out/stage/input/lib" | grep -E -e '-win(-x86_64)?\.jar$' | tr '\n' ' ')"
ls -l "$out/importdesk-windows-input.zip" | awk '{printf "[stage-windows] %s %.1f MB\n", $NF, $5/1e6}'
