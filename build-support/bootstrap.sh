#!/usr/bin/env bash
# Installs the Debian packages ImportDesk needs (when missing) and prepares the PixelMed jars for the local
# Maven repository. Root is needed only when something must be installed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/target/pixelmed"

mapfile -t wanted < <(grep -v -E '^\s*(#|$)' "$here/debian-packages.txt")
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "[bootstrap] installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo); else
    echo "[bootstrap] these packages are missing and I am not root: ${missing[*]}" >&2
    echo "[bootstrap] install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
  # the orthanc package starts a system service on its default ports; tests run their own instances
  if command -v systemctl >/dev/null 2>&1; then "${sudo[@]}" systemctl stop orthanc >/dev/null 2>&1 || true; fi
  if [ -x /etc/init.d/orthanc ]; then "${sudo[@]}" /etc/init.d/orthanc stop >/dev/null 2>&1 || true; fi
else
  echo "[bootstrap] Debian packages present"
fi

# Debian's jars carry a Class-Path of absolute /usr/share/java jars in their manifest: strip it.
strip_manifest() {
  local src=$1 dst=$2
  [ -f "$dst" ] && [ "$dst" -nt "$src" ] && return 0
  local tmp; tmp=$(mktemp -d)
  (cd "$tmp" && jar xf "$src" && rm -f META-INF/MANIFEST.MF)
  jar --create --file "$dst" --no-manifest -C "$tmp" .
  rm -rf "$tmp"
}
mkdir -p "$out"
strip_manifest "$(readlink -f /usr/share/java/pixelmed.jar)" "$out/pixelmed.jar"
strip_manifest "$(readlink -f /usr/share/java/pixelmed_imageio.jar)" "$out/pixelmed-imageio.jar"
