#!/usr/bin/env bash
# Reproduces docs/PERFORMANCE.md: builds release, runs tablero-bench (in-process figures,
# one child process per size and phase), writes the synthetic files, and times whole
# commands with hyperfine (when installed: apt-get install -y hyperfine) and /usr/bin/time.
#
#   scripts/bench.sh                      # sizes 1000,10000,100000
#   SIZES=1000,10000,100000,1000000 scripts/bench.sh   # with 1M (≈ 610 MB file, ≈ 3 GB RAM)
#   SIZES=1000,10000 scripts/bench.sh     # quicker
#   SCRATCH=.build-bench FILES=/tmp/tablero-bench scripts/bench.sh
set -euo pipefail

cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-.build-bench}
FILES=${FILES:-$SCRATCH/bench-files}
SIZES=${SIZES:-1000,10000,100000}

echo "== machine"
echo "nproc: $(nproc)"
grep -m1 "model name" /proc/cpuinfo || true
grep -m1 MemTotal /proc/meminfo || true
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
swift --version 2>&1 | head -1

echo "== build (release)"
swift build -c release --scratch-path "$SCRATCH" --product tablero-bench
swift build -c release --scratch-path "$SCRATCH" --product tablero
BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)

echo "== tablero-bench --sizes $SIZES --write-files $FILES"
"$BIN/tablero-bench" --sizes "$SIZES" --write-files "$FILES"

echo "== whole commands"
IFS=, read -r -a sizes <<<"$SIZES"
if command -v hyperfine >/dev/null; then
  commands=()
  for n in "${sizes[@]}"; do
    commands+=("$BIN/tablero report --file $FILES/synthetic-$n.json")
  done
  hyperfine -N --warmup 3 --export-markdown "$FILES/hyperfine-report.md" "${commands[@]}"
  big=""
  for n in "${sizes[@]}"; do [ "$n" -ge 10000 ] && big=$n; done
  if [ -n "$big" ]; then
    hyperfine -N --warmup 3 --export-markdown "$FILES/hyperfine-others-$big.md" \
      "$BIN/tablero validate $FILES/synthetic-$big.json" \
      "$BIN/tablero report --detail --file $FILES/synthetic-$big.json" \
      "$BIN/tablero export --format csv --file $FILES/synthetic-$big.json" \
      "$BIN/tablero --version"
  fi
else
  echo "hyperfine not installed (apt-get install -y hyperfine): skipping whole-command timing"
fi

# Saving through a session, as users do (`set-progress` = open + edit + save + status), on a
# copy whose ctime has settled (files are not written 2 s before each command), so the
# changed-on-disk check is a stat; FileFingerprint.settledNanoseconds explains the 2 s.
if command -v hyperfine >/dev/null && [ -n "${big:-}" ]; then
  echo "== set-progress (whole command) on a copy of synthetic-$big.json"
  id=$(grep -o '"id": "C[0-9]*-[0-9]*"' "$FILES/synthetic-$big.json" | sed -n '2000p' | cut -d'"' -f4)
  hyperfine -N --runs "${SET_PROGRESS_RUNS:-5}" --export-markdown "$FILES/hyperfine-set-progress-$big.md" \
    --prepare "sh -c 'cp $FILES/synthetic-$big.json $FILES/edit-$big.json; rm -f $FILES/edit-$big.json.*; sleep 2.1'" \
    "$BIN/tablero set-progress $id 55 --file $FILES/edit-$big.json"
  rm -f "$FILES/edit-$big.json" "$FILES/edit-$big.json."*
fi

if [ -x /usr/bin/time ]; then
  echo "== peak memory of whole commands (/usr/bin/time maxrss)"
  for n in "${sizes[@]}"; do
    for args in "report" "report --detail" "report --detail --format json" "export --format csv"; do
      # shellcheck disable=SC2086
      /usr/bin/time -f "$args $n: %e s, max RSS %M KiB" "$BIN/tablero" $args --file "$FILES/synthetic-$n.json" >/dev/null
    done
  done
fi
