#!/usr/bin/env bash
# `make bench`: builds release, generates a seeded corpus in a temp dir and
# prints markdown tables (copy them into BENCHMARKS.md):
#   batch: tongbao convert vs the zip + quick-xml floor, 1 thread and all cores
#   stages: per-stage share on one thread
#   scaling: one big table at 3 row counts and 3 main-part sizes
# Environment: BENCH_FILES (variants, default 1000), CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
FILES="${BENCH_FILES:-1000}"
CORES="$(nproc)"

cargo build --release --quiet -p tongbao-cli -p tongbao-bench --bins
BIN="$CARGO_TARGET_DIR/release"
WORK="$(mktemp -d)"
# Output goes to RAM when possible, so the disk's fsync latency is measured
# separately (the "disk" rows) from the pipeline's own cost.
SHM="$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)"
trap 'rm -rf "$WORK" "$SHM"' EXIT

"$BIN/corpus" batch fixtures "$WORK/batch" "$FILES" 2019
"$BIN/corpus" scale fixtures "$WORK/scale"
INPUT_MB="$(du -sm --apparent-size "$WORK/batch" | cut -f1)"
COUNT="$(find "$WORK/batch" -type f | wc -l)"

# run LABEL COMMAND...: prints "wall_seconds peak_rss_kib" of the command.
run() {
  /usr/bin/time -o "$WORK/time" -f '%e %M' "$@" >/dev/null 2>"$WORK/stderr" || {
    cat "$WORK/stderr" >&2
    return 1
  }
  cat "$WORK/time"
}
row() { # row NAME JOBS WALL RSS FLOOR_WALL
  awk -v name="$1" -v jobs="$2" -v wall="$3" -v rss="$4" -v floor="$5" -v n="$COUNT" -v mb="$INPUT_MB" \
    'BEGIN { printf "| %s | %d | %.2f | %.0f | %.1f | %.1f | %.2f× |\n", name, jobs, wall, n / wall, mb / wall, rss / 1024, wall / floor }'
}

echo "## Batch: $COUNT files, $INPUT_MB MB, $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
echo
echo "| run | threads | wall s | files/s | MB/s | peak RSS MiB | vs floor |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for jobs in 1 "$CORES"; do
  read -r floor_wall floor_rss < <(run "$BIN/floor" "$WORK/batch" "$jobs")
  row "floor (zip + quick-xml)" "$jobs" "$floor_wall" "$floor_rss" "$floor_wall"
  rm -rf "$SHM/out"
  read -r wall rss < <(run "$BIN/tongbao" convert "$WORK/batch" -o "$SHM/out" --jobs "$jobs")
  row "tongbao convert -o tmpfs" "$jobs" "$wall" "$rss" "$floor_wall"
  rm -rf "$WORK/out"
  read -r wall rss < <(run "$BIN/tongbao" convert "$WORK/batch" -o "$WORK/out" --jobs "$jobs")
  row "tongbao convert -o disk" "$jobs" "$wall" "$rss" "$floor_wall"
done
rm -rf "$SHM/out" "$WORK/out"

echo
echo "## Stages (one thread, in-process, JSON to memory)"
echo
"$BIN/stages" "$WORK/batch" 2>"$WORK/stderr"

echo
echo "## Scaling (one file, tongbao convert -o tmpfs)"
echo
echo "| file | table rows | document.xml MB | wall s | peak RSS MiB | ms per 1k rows |"
echo "|---|---:|---:|---:|---:|---:|"
for file in rows-1250 rows-2500 rows-5000 mb-5 mb-10 mb-20; do
  path="$WORK/scale/$file.docx"
  xml_bytes="$(unzip -l "$path" word/document.xml | awk 'NR == 4 { print $1 }')"
  rows="$(unzip -p "$path" word/document.xml | grep -o '<w:tr[ >]' | wc -l)"
  rm -rf "$SHM/out"
  read -r wall rss < <(run "$BIN/tongbao" convert "$path" -o "$SHM/out")
  awk -v f="$file" -v rows="$rows" -v bytes="$xml_bytes" -v wall="$wall" -v rss="$rss" \
    'BEGIN { printf "| %s | %d | %.1f | %.2f | %.1f | %.0f |\n", f, rows, bytes / 1048576, wall, rss / 1024, 1000 * wall / (rows / 1000) }'
done
