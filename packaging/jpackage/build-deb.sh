#!/usr/bin/env bash
# Builds ImportDesk's Linux app-image and .deb in one command:
#   packaging/jpackage/build-deb.sh [--skip-maven] [--app-image-only] [--out DIR]
# Steps: Maven build (app/target/importdesk-app.jar + app/target/lib), jlinked runtime (modules found by jdeps plus
# the service providers jdeps cannot see), app-image with the jars, models/ and the site example, then the .deb.
# Env: IMPORTDESK_MVN_ARGS (e.g. "-o" for offline), JAVA_HOME (JDK 17+ with jpackage), IMPORTDESK_DEB_DEPS,
#      IMPORTDESK_DEB_COMPRESSION (gzip default, xz, zstd, none).
# Output: $OUT/image/importdesk (app-image), $OUT/importdesk_<version>_amd64.deb; OUT defaults to target/jpackage.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
here="$root/packaging/jpackage"
out="$root/target/jpackage"
skip_maven=false
app_image_only=false
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-maven) skip_maven=true ;;
    --app-image-only) app_image_only=true ;;
    --out) out=$(readlink -f "$2"); shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "build-deb: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

bin=${JAVA_HOME:+$JAVA_HOME/bin/}
for tool in jlink jpackage jdeps; do
  command -v "${bin}$tool" >/dev/null || { echo "build-deb: ${bin}$tool not found (need a JDK 17+)" >&2; exit 1; }
done
if ! $app_image_only; then
  command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null \
    || { echo "build-deb: dpkg-deb and fakeroot are needed for the .deb (apt-get install dpkg-dev fakeroot)" >&2; exit 1; }
fi
log() { echo "[build-deb] $*" >&2; }
start=$(date +%s)

if ! $skip_maven; then
  log "maven build"
  rm -rf "$root/app/target/lib"   # copy-dependencies never removes a jar the pom no longer names
  (cd "$root" && ./mvnw -B -q -DskipTests ${IMPORTDESK_MVN_ARGS:-} install)
fi
jar="$root/app/target/importdesk-app.jar"
lib="$root/app/target/lib"
[ -f "$jar" ] && [ -d "$lib" ] || { echo "build-deb: $jar or $lib missing; run without --skip-maven" >&2; exit 1; }

version=$(unzip -p "$jar" org/importdesk/app/version.properties | sed -n 's/^version=//p' | tr -d '\r')
app_version=${version%%-*}             # jpackage wants digits and dots
release=1
case "$version" in *-SNAPSHOT) release="0~snapshot" ;; esac

rm -rf "$out/input" "$out/runtime" "$out/image"
mkdir -p "$out/input/lib" "$out/input/share" "$out/image"
cp "$jar" "$out/input/"
cp "$lib"/*.jar "$out/input/lib/"
# javafx-*-<version>.jar without classifier are empty placeholders next to the platform jars
find "$out/input/lib" -name 'javafx-*.jar' ! -name 'javafx-*-linux.jar' ! -name 'javafx-*-win.jar' -size -2k -delete
if [ -d "$root/models" ]; then
  cp -r "$root/models" "$out/input/models"
else
  mkdir -p "$out/input/models"
fi
cp "$root/import-engine/src/main/resources/org/importdesk/engine/config/site.properties.example" "$out/input/share/"
cp "$here/README.md" "$out/input/share/PACKAGING.md"
cp "$here/linux/importdesk.desktop" "$out/input/share/"

log "jdeps"
# What the jars use as measured on 2026-11 (JavaFX, PixelMed, H2, DJL, picocli); used when jdeps cannot analyse
# the jars (e.g. a modular jar whose required module is absent).
known="java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.prefs,java.rmi,java.scripting,java.sql,java.xml,jdk.jfr,jdk.net,jdk.unsupported,jdk.unsupported.desktop"
if modules=$("${bin}jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps \
          "$out/input/importdesk-app.jar" "$out/input"/lib/*.jar 2>"$out/jdeps.err" | tail -1) && [ -n "$modules" ]; then
  modules="$modules,$known"
else
  log "jdeps failed ($(grep -m1 -v 'split package' "$out/jdeps.err")); using the known module list"
  modules="$known"
fi
# Service providers and data jdeps cannot see: TLS with EC keys, DICOM character sets, ZIP file systems, locales.
modules="$modules,java.desktop,java.sql,java.naming,jdk.crypto.ec,jdk.charsets,jdk.zipfs,jdk.localedata,jdk.unsupported"
modules=$(echo "$modules" | tr ',' '\n' | sort -u | paste -sd, -)
log "jlink: $modules"
"${bin}jlink" --add-modules "$modules" --include-locales=en,de,fr,it,es,nl,pt \
  --strip-debug --no-man-pages --no-header-files --compress=2 --output "$out/runtime"

log "app-image"
"${bin}jpackage" --type app-image --name importdesk --dest "$out/image" \
  --input "$out/input" --main-jar importdesk-app.jar --main-class org.importdesk.app.Main \
  --runtime-image "$out/runtime" --app-version "$app_version" \
  --vendor "ImportDesk" --description "Radiology import desk: reads patient media, classifies with MOMO, sends to PACS" \
  --java-options '-Dai.djl.offline=true' \
  --java-options '-Dimportdesk.models=$APPDIR/models' \
  --java-options '-XX:MaxRAMPercentage=60'
du -sh "$out/image/importdesk" | sed 's/^/[build-deb] app-image size: /' >&2

if ! $app_image_only; then
  log "deb"
  rm -f "$out"/importdesk_*.deb
  # gzip: the jars are compressed already; xz saved 4 MB of 169 MB and took 5x longer (514 s vs 98 s)
  export DPKG_DEB_COMPRESSOR_TYPE="${IMPORTDESK_DEB_COMPRESSION:-gzip}"
  # No --linux-shortcut: its menu scripts fail where no menu directory is writable (package can then neither
  # install nor be removed). libgtk-3-0 is what JavaFX needs and jpackage does not detect.
  "${bin}jpackage" --type deb --app-image "$out/image/importdesk" --dest "$out" --name importdesk \
    --app-version "$app_version" --linux-app-release "$release" \
    --vendor "ImportDesk" --description "Radiology import desk: reads patient media, classifies with MOMO, sends to PACS" \
    --linux-package-name importdesk --linux-deb-maintainer "importdesk@localhost" --linux-app-category science \
    --linux-package-deps "${IMPORTDESK_DEB_DEPS:-libgtk-3-0 | libgtk-3-0t64, libcharls2, libopenjp2-7}" \
    --resource-dir "$here/linux"
  ls -l "$out"/importdesk_*.deb | awk '{printf "[build-deb] deb size: %.1f MB  %s\n", $5/1e6, $NF}' >&2
fi
log "done in $(( $(date +%s) - start )) s"
