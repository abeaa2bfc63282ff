#!/usr/bin/env bash
# Header-scan rate of `importdesk scan` against a pydicom dcmread(stop_before_pixels=True) loop over the same files.
# Usage: bench/scan-vs-pydicom.sh [FOLDER] (default ../shared/corpus). Each side runs once to warm the page cache,
# then pydicom is timed, then importdesk. Both include interpreter / JVM start-up. importdesk's warm-up run is the
# first real scan after a build, which writes the launcher's class-data archive that the timed run then maps.
# Wall time depends on the machine's load; CPU time (user + sys) is reported too, as the figure that load does not
# distort.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=$(cd "${1:-$root/../shared/corpus}" && pwd)
python=${PYTHON:-/usr/bin/python3}
"$python" -c 'import pydicom' 2>/dev/null || { echo "pydicom missing (apt-get install python3-pydicom)" >&2; exit 2; }
(cd "$root" && ./importdesk scan --help >/dev/null)   # builds when needed, outside the timing
files=$(find "$target" -type f | wc -l)
pyloop='
import sys, os, warnings, pydicom
warnings.simplefilter("ignore")
ok = bad = 0
for d, _, names in os.walk(sys.argv[1]):
    for n in names:
        try:
            pydicom.dcmread(os.path.join(d, n), stop_before_pixels=True)
            ok += 1
        except Exception:
            bad += 1
print(f"pydicom read {ok} files as DICOM, {bad} not", file=sys.stderr)
'
out=$(mktemp -d)
"$python" -c "$pyloop" "$target" 2>/dev/null; "$root/importdesk" scan "$target" --quiet >/dev/null   # warm-up
/usr/bin/time -f "%e %U %S" -o "$out/py" "$python" -c "$pyloop" "$target"
/usr/bin/time -f "%e %U %S" -o "$out/id" "$root/importdesk" scan "$target" --quiet > "$out/scan.tsv"
read_ok=$(awk -F'\t' 'NR>1 && ($2=="ok"||$2=="unreferenced"||$2=="duplicate")' "$out/scan.tsv" | wc -l)
echo "importdesk read $read_ok files as DICOM (ok, unreferenced or duplicate)"
read -r pw pu ps < "$out/py"; read -r iw iu is < "$out/id"
awk -v f="$files" -v pw="$pw" -v pc="$(echo "$pu + $ps" | bc)" -v iw="$iw" -v ic="$(echo "$iu + $is" | bc)" 'BEGIN {
  printf "files: %d (load average %s)\n", f, "'"$(cut -d' ' -f1 /proc/loadavg)"'"
  printf "pydicom:    wall %6.2f s = %5.0f files/s   cpu %6.2f s = %5.0f files/cpu-s\n", pw, f / pw, pc, f / pc
  printf "importdesk: wall %6.2f s = %5.0f files/s   cpu %6.2f s = %5.0f files/cpu-s\n", iw, f / iw, ic, f / ic
  printf "ratio: wall %.2fx, cpu %.2fx\n", pw / iw, pc / ic }'
rm -rf "$out"
