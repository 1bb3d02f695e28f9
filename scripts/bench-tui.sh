#!/usr/bin/env bash
# Reproduces the TUI figures of docs/PERFORMANCE.md ("TUI (issue 4)"):
#   1. in process (tablero-bench --tui): start-up to first frame and key press to frame
#      (update + render + diff) on synthetic 10 000 and 100 000 portfolios, 80×24;
#   2. the real release binary in tmux 80×24, TERM=xterm-256color:
#      - start-up: from `respawn-pane` to the first capture-pane that shows the whole
#        dashboard (title bar and key bar), median of RUNS runs;
#      - bytes written to the terminal (tmux pipe-pane -o): first frame, 20 cursor moves
#        down from the top, one-row scrolls, view switches (1–6), 20 cursor moves in the
#        tree and in the timeline (demo portfolio);
#      - key → frame on the synthetic files: from send-keys to the first capture-pane -e
#        that differs (dashboard ↓, tree ↓, view switches, `f`, progress edit Enter), with
#        the floor of that method (a pane running `cat`), and the tablero process's peak
#        RSS (VmHWM) after those keys. SKIP_LATENCY=1 leaves this part out.
#
#   scripts/bench-tui.sh                       # everything
#   SIZES=10000 RUNS=3 scripts/bench-tui.sh    # quicker
#   SKIP_BENCH=1 scripts/bench-tui.sh          # tmux measurements only
#   LKEYS=15 scripts/bench-tui.sh              # key → frame repetitions (default 9)
#   SCRATCH=.build-bench FILES=/tmp/tablero-bench scripts/bench-tui.sh
set -euo pipefail

cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-.build-bench}
FILES=${FILES:-$SCRATCH/bench-files}
SIZES=${SIZES:-10000,100000}
RUNS=${RUNS:-7}
PRESSES=${PRESSES:-400}
SOCKET=tablero-bench-tui-$$
WORK=$(mktemp -d)
export TERM=xterm-256color LANG=${LANG:-C.UTF-8} LC_ALL=${LC_ALL:-C.UTF-8}
unset NO_COLOR TMUX

tm() { tmux -L "$SOCKET" -f /dev/null "$@"; }
cleanup() {
  tm kill-server 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

command -v tmux >/dev/null || { echo "tmux is needed (apt-get install -y tmux)" >&2; exit 1; }

echo "== machine"
echo "nproc: $(nproc)"
grep -m1 "model name" /proc/cpuinfo || true
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "tmux: $(tmux -V)"
swift --version 2>&1 | head -1

echo "== build (release)"
swift build -c release --scratch-path "$SCRATCH" --product tablero-bench
swift build -c release --scratch-path "$SCRATCH" --product tablero
BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)
TABLERO=$(cd "$BIN" && pwd)/tablero

IFS=, read -r -a sizes <<<"$SIZES"
mkdir -p "$FILES"
missing=()
for n in "${sizes[@]}"; do [ -f "$FILES/synthetic-$n.json" ] || missing+=("$n"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== tablero-bench --sizes $(IFS=,; echo "${missing[*]}") --write-files $FILES"
  "$BIN/tablero-bench" --sizes "$(IFS=,; echo "${missing[*]}")" --write-files "$FILES" >/dev/null
fi
"$TABLERO" init "$WORK/demo.json" --demo >/dev/null

if [ -z "${SKIP_BENCH:-}" ]; then
  echo "== in process: tablero-bench --tui --sizes $SIZES --presses $PRESSES"
  "$BIN/tablero-bench" --tui --sizes "$SIZES" --presses "$PRESSES" --dir "$FILES"
fi

now_ns() { date +%s%N; }

# Waits until the pane shows the whole dashboard: the tab bar and the key bar
# ("salir" is the last entry, drawn in the same refresh as everything else).
wait_dashboard() {
  local target=$1 deadline=$(($(now_ns) + 30000000000))
  while :; do
    local screen
    screen=$(tm capture-pane -p -t "$target" 2>/dev/null || true)
    if [[ $screen == *"1 Tablero"* && $screen == *"salir"* ]]; then return 0; fi
    if [ "$(now_ns)" -gt "$deadline" ]; then
      echo "timed out waiting for the dashboard" >&2
      printf '%s\n' "$screen" >&2
      return 1
    fi
  done
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

tm new-session -d -s bench -x 80 -y 24 "sleep 1000"
tm set-option -g status off
tm set-option -g remain-on-exit on
tm set-option -g default-terminal xterm-256color

# Poll granularity: one capture-pane round trip.
t0=$(now_ns)
for _ in $(seq 20); do tm capture-pane -p -t bench >/dev/null; done
poll_ms=$(awk -v a="$t0" -v b="$(now_ns)" 'BEGIN { printf "%.1f", (b - a) / 20 / 1e6 }')

startup() {
  local file=$1 times=()
  for _ in $(seq "$RUNS"); do
    local start
    start=$(now_ns)
    tm respawn-pane -k -e TERM=xterm-256color -t bench "exec '$TABLERO' --file '$file'"
    wait_dashboard bench
    local end
    end=$(now_ns)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", (b - a) / 1e6 }')")
    tm send-keys -t bench q
    sleep 0.3
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
  echo "$(printf '%s\n' "${times[@]}" | median) ms  (runs: $sorted)"
}

echo "== start-up to first complete frame, tmux 80x24 (median of $RUNS; poll ≈ $poll_ms ms per capture-pane)"
baseline=()
for _ in $(seq "$RUNS"); do
  start=$(now_ns)
  tm respawn-pane -k -e TERM=xterm-256color -t bench "printf '1 Tablero salir'; exec sleep 1000"
  wait_dashboard bench
  baseline+=("$(awk -v a="$start" -v b="$(now_ns)" 'BEGIN { printf "%.1f", (b - a) / 1e6 }')")
done
echo "floor (respawn-pane + printf + poll): $(printf '%s\n' "${baseline[@]}" | median) ms"
echo "demo (86 initiatives): $(startup "$WORK/demo.json")"
for n in "${sizes[@]}"; do
  echo "synthetic $n: $(startup "$FILES/synthetic-$n.json")"
done

# Bytes: the program's output to the terminal, through pipe-pane -o.
LOG=$WORK/out.bin
size_of() { stat -c %s "$LOG"; }
# Waits until nothing more has been written for 150 ms.
settle() {
  local last=-1 current
  while :; do
    current=$(size_of)
    [ "$current" = "$last" ] && return 0
    last=$current
    sleep 0.15
  done
}
press() {
  local before
  before=$(size_of)
  tm send-keys -t bench "$@"
  sleep 0.05
  settle
  echo $(($(size_of) - before))
}

echo "== bytes written to the terminal (demo portfolio, tmux 80x24, TERM=$TERM)"
: >"$LOG"
tm respawn-pane -k -e TERM=xterm-256color -t bench "sleep 0.5; exec '$TABLERO' --file '$WORK/demo.json'"
tm pipe-pane -o -t bench "cat >> '$LOG'"
wait_dashboard bench
settle
echo "first frame (incl. terminal set-up): $(size_of) bytes"

moves=()
for _ in $(seq 20); do moves+=("$(press Down)"); done
total=0
for m in "${moves[@]}"; do total=$((total + m)); done
echo "cursor ↓ x20 from the top: total $total, mean $(awk -v t="$total" 'BEGIN { printf "%.1f", t / 20 }') bytes per move (each: ${moves[*]})"

# The dashboard list shows 17 rows at 80x24; 20 moves went past the bottom, so the last
# moves above already scrolled. Measure scrolls on their own: to the top (g; tmux sends
# Home as \E[1~, which xterm-256color does not list), down to the
# bottom row, then one more (the list scrolls by one row), ten times.
press g >/dev/null
for _ in $(seq 16); do press Down >/dev/null; done
scrolls=()
for _ in $(seq 10); do scrolls+=("$(press Down)"); done
total=0
for m in "${scrolls[@]}"; do total=$((total + m)); done
echo "one-row scroll (↓ on the bottom row) x10: mean $(awk -v t="$total" 'BEGIN { printf "%.1f", t / 10 }') bytes (each: ${scrolls[*]})"

press g >/dev/null
switches=()
for key in 2 3 4 5 6 1 2 1; do switches+=("$key:$(press "$key")"); done
echo "view switches (key:bytes): ${switches[*]}"

# Cursor moves in the tree (2) and the timeline (3), 20 ↓ from the top of each.
for view in 2 3; do
  press "$view" >/dev/null
  press g >/dev/null
  moves=()
  for _ in $(seq 20); do moves+=("$(press Down)"); done
  # The demo's tree and timeline have fewer rows than 20: ↓ on the last row writes nothing.
  total=0 count=0
  for m in "${moves[@]}"; do
    if [ "$m" -gt 0 ]; then total=$((total + m)) count=$((count + 1)); fi
  done
  echo "view $view, cursor ↓ x20 from the top: mean $(awk -v t="$total" -v c="$count" 'BEGIN { printf "%.1f", c ? t / c : 0 }') bytes per move over the $count moves that moved (each: ${moves[*]})"
done

tm pipe-pane -t bench
tm send-keys -t bench q
sleep 0.3

if [ -n "${SKIP_LATENCY:-}" ]; then exit 0; fi

# Key → frame in tmux: from `send-keys` to the first `capture-pane -e` (text and attributes)
# that differs from the screen before the key. Includes the send-keys and capture-pane
# round trips (the floor below: the same measure on `cat`, which echoes the key at once).
# Keys are LKEYS apart by at least 300 ms, so the app's idle work (200 ms) has run, as
# between a user's keys. Edits run on a copy of the file (the pane is killed, not quit).
LKEYS=${LKEYS:-9}
key_ms() {
  local before start screen deadline
  before=$(tm capture-pane -p -e -t bench)
  start=$(now_ns)
  deadline=$((start + 30000000000))
  tm send-keys -t bench "$@"
  while :; do
    screen=$(tm capture-pane -p -e -t bench)
    [ "$screen" != "$before" ] && break
    if [ "$(now_ns)" -gt "$deadline" ]; then echo "timeout"; return 0; fi
  done
  awk -v a="$start" -v b="$(now_ns)" 'BEGIN { printf "%.1f", (b - a) / 1e6 }'
  # Let the frame finish and the idle work run before the next key.
  sleep 0.3
}
summary() { # label, values...
  local label=$1
  shift
  local sorted
  sorted=$(printf '%s\n' "$@" | sort -n | tr '\n' ' ')
  echo "$label: median $(printf '%s\n' "$@" | median) ms, min $(printf '%s\n' "$@" | sort -n | head -1) ms  (runs: $sorted; load $(cut -d' ' -f1 /proc/loadavg))"
}

echo "== key → frame in tmux 80x24 (send-keys → changed capture-pane -e)"
tm respawn-pane -k -t bench "exec cat"
sleep 0.3
floor=()
for i in $(seq "$LKEYS"); do floor+=("$(key_ms x)"); done
summary "floor (cat echoes a key)" "${floor[@]}"

for n in "${sizes[@]}"; do
  copy=$WORK/latency-$n.json
  cp "$FILES/synthetic-$n.json" "$copy"
  tm respawn-pane -k -e TERM=xterm-256color -t bench "exec '$TABLERO' --file '$copy'"
  wait_dashboard bench
  sleep 1
  pid=$(tm display-message -p -t bench '#{pane_pid}')
  v=()
  for _ in $(seq "$LKEYS"); do v+=("$(key_ms Down)"); done
  summary "$n: dashboard ↓" "${v[@]}"
  v=()
  for _ in $(seq 3); do
    for key in 2 3 1; do v+=("$(key_ms "$key")"); done
  done
  summary "$n: view switch (2, 3, 1 x3)" "${v[@]}"
  v=()
  for key in 5 6 1; do v+=("$key:$(key_ms "$key")"); done
  echo "$n: view switch to 5, 6, 1: ${v[*]}"
  v=()
  for _ in $(seq 5); do v+=("$(key_ms f)"); done
  summary "$n: f (next status filter; 5 presses cycle red → … → off)" "${v[@]}"
  tm send-keys -t bench F
  sleep 0.5
  key_ms 2 >/dev/null
  v=()
  for _ in $(seq "$LKEYS"); do v+=("$(key_ms Down)"); done
  summary "$n: tree ↓" "${v[@]}"
  # Progress edits: first component open, on its initiatives.
  key_ms g >/dev/null
  key_ms Down >/dev/null
  key_ms Enter >/dev/null
  v=()
  for k in $(seq 5); do
    key_ms Down >/dev/null
    tm send-keys -t bench e
    sleep 0.3
    tm send-keys -t bench C-u
    tm send-keys -t bench -l "$((10 + k * 7))"
    sleep 0.4
    v+=("$(key_ms Enter)")
    sleep 0.2
  done
  summary "$n: edit Enter (apply + status + frame)" "${v[@]}"
  tm capture-pane -p -t bench | tail -3 | sed 's/^/    screen: /'
  rss=$(grep -E 'VmHWM|VmRSS' "/proc/$pid/status" | tr -s ' \t' ' ' | tr '\n' ' ')
  echo "$n: tablero process $pid after the keys above: $rss"
  tm respawn-pane -k -t bench "exec sleep 1000"
  sleep 0.3
  rm -f "$copy" "$copy".*
done
