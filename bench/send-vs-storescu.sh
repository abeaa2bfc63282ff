#!/usr/bin/env bash
# Throughput benchmark: `./importdesk import` (coercion included) against dcmtk's storescu on the same files in the same
# run, each into a fresh Orthanc with default settings (only ports, storage folder and the two calling AE titles set).
# Default study: the 680-instance Philips MR study of ../shared/corpus/dcm_qa_philips. storescu gets exactly the
# study's files; importdesk reads the folder as a medium (it holds one more study) and picks the study.
# Usage: bench/send-vs-storescu.sh [STUDY_DIR STUDY_UID]
# Env: ASSOCIATIONS="1 2 4" (importdesk runs), ORTHANC_NODELAY="0 1" (Orthanc without/with env TCP_NODELAY=1).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
dir=${1:-$root/../shared/corpus/dcm_qa_philips}
study=${2:-1.3.46.670589.11.17240.5.0.9032.2018051711323974000}
associations=${ASSOCIATIONS:-"1 2 4"}
orthanc_nodelay=${ORTHANC_NODELAY:-"0 1"}
command -v Orthanc >/dev/null || { echo "Orthanc not installed (apt-get install orthanc)" >&2; exit 2; }
command -v storescu >/dev/null || { echo "dcmtk not installed (apt-get install dcmtk)" >&2; exit 2; }
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# the study's files: storescu gets exactly these
: > "$work/files"
while IFS= read -r -d '' f; do
  if dcmdump -q +P 0020,000d "$f" 2>/dev/null | grep -qF "[$study]"; then printf '%s\n' "$f" >> "$work/files"; fi
done < <(find "$dir" -type f -print0)
n=$(wc -l < "$work/files")
echo "study $study: $n instances, $(du -ch $(cat "$work/files") | tail -1 | cut -f1)"

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start_orthanc() { # $1 = 0|1 TCP_NODELAY env
  rm -rf "$work/orthanc"; mkdir -p "$work/orthanc"
  dport=$(port); hport=$(port)
  cat > "$work/orthanc.json" <<JSON
{ "Name": "bench", "DicomAet": "BENCH", "DicomPort": $dport, "HttpPort": $hport,
  "StorageDirectory": "$work/orthanc", "IndexDirectory": "$work/orthanc",
  "RemoteAccessAllowed": false, "AuthenticationEnabled": false,
  "DicomModalities": { "importdesk": ["IMPORTDESK", "127.0.0.1", 11112], "storescu": ["STORESCU", "127.0.0.1", 11113] } }
JSON
  if [ "$1" = 1 ]; then TCP_NODELAY=1 Orthanc "$work/orthanc.json" > "$work/orthanc.log" 2>&1 & else Orthanc "$work/orthanc.json" > "$work/orthanc.log" 2>&1 & fi
  pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$hport/system" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "Orthanc did not start" >&2; exit 1
}
stop_orthanc() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
count() { curl -s "http://127.0.0.1:$hport/statistics" | python3 -c 'import json,sys; print(json.load(sys.stdin)["CountInstances"])'; }
now() { date +%s.%N; }
report() { printf '%-44s %7.1f s %6.1f inst/s  stored %s/%s\n' "$1" "$2" "$(echo "$n / $2" | bc -l)" "$3" "$n"; }

"$root/importdesk" --version >/dev/null   # build outside the timing
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for onodelay in $orthanc_nodelay; do
  label="Orthanc TCP_NODELAY=$onodelay"
  for sn in 0 1; do
    start_orthanc "$onodelay"
    t0=$(now)
    if [ "$sn" = 1 ]; then TCP_NODELAY=1 storescu -aet STORESCU -aec BENCH 127.0.0.1 "$dport" $(cat "$work/files") 2> "$work/storescu.log"
    else storescu -aet STORESCU -aec BENCH 127.0.0.1 "$dport" $(cat "$work/files") 2> "$work/storescu.log"; fi
    t1=$(now); report "storescu TCP_NODELAY=$sn -> $label" "$(echo "$t1 - $t0" | bc -l)" "$(count)"
    stop_orthanc
  done
  for a in $associations; do
    start_orthanc "$onodelay"
    t0=$(now)
    rc=0
    "$root/importdesk" import "$dir" --study "$study" --class MR-BENCH --class-name "MR benchmark" \
      --patient-id BENCH-1 --issuer BENCH --patient-name "Bench^Mark" --to "BENCH@127.0.0.1:$dport" \
      --associations "$a" --format tsv --data-dir "$work/data-$onodelay-$a" > "$work/import.tsv" 2> "$work/import.log" || rc=$?
    t1=$(now); report "importdesk --associations $a -> $label (exit $rc)" "$(echo "$t1 - $t0" | bc -l)" "$(count)"
    grep '^timing' "$work/import.log" | sed 's/^/    /'
    stop_orthanc
  done
done
