#!/usr/bin/env python3
"""Captures text screenshots of the real binary in tmux (80x24) and writes them into
README.md between <!-- screen:NAME --> and <!-- /screen:NAME --> markers, and into
docs/screens/NAME.txt. Run after UI changes: python3 scripts/screenshots.py

Uses .build/debug/tablero (run `swift build` first) and the embedded demo portfolio."""
import os, pathlib, re, subprocess, tempfile, time

root = pathlib.Path(__file__).resolve().parent.parent
binary = root / ".build/debug/tablero"
folder = pathlib.Path(tempfile.mkdtemp(prefix="tablero-shots-"))
data = folder / "demo.json"
subprocess.run([str(binary), "init", str(data), "--demo"], check=True, capture_output=True)
sock = str(folder / "tmux.sock")

def tmux(*args):
    return subprocess.run(["tmux", "-S", sock, "-f", "/dev/null", *args], check=True,
                          capture_output=True, text=True).stdout

def capture():
    last = None
    for _ in range(100):
        screen = tmux("capture-pane", "-p", "-t", "s")
        if screen == last and screen.strip():
            return "\n".join(line.rstrip() for line in screen.rstrip("\n").split("\n"))
        last = screen
        time.sleep(0.1)
    return last

env = ["-e", "LANG=C.UTF-8", "-e", "TERM=xterm-256color", "-e", f"HOME={folder}"]
tmux("new-session", "-d", "-s", "s", "-x", "80", "-y", "24", *env, f"{binary} --file {data}")
tmux("set-option", "-t", "s", "status", "off")
time.sleep(0.5)
shots = {}
shots["dashboard"] = capture()
tmux("send-keys", "-t", "s", "f")
shots["dashboard-red"] = capture()
tmux("send-keys", "-t", "s", "F", "2", "Down", "Right", "Down")
shots["tree"] = capture()
tmux("send-keys", "-t", "s", "3")
shots["timeline"] = capture()
tmux("send-keys", "-t", "s", "1", "/")
tmux("send-keys", "-t", "s", "-l", "acmi-04")
tmux("send-keys", "-t", "s", "Enter")
capture()
tmux("send-keys", "-t", "s", "e")
shots["progress-form"] = capture()
tmux("send-keys", "-t", "s", "Escape", "?")
shots["help"] = capture()
tmux("send-keys", "-t", "s", "Escape", "6")
shots["indicators"] = capture()
tmux("send-keys", "-t", "s", "Enter")
shots["indicator-detail"] = capture()
tmux("send-keys", "-t", "s", "Escape", "1", "P")
shots["presentation"] = capture()
tmux("kill-server")

# The forecast of a parent (issue 12): PMSRS in the tree, its detail pane names the part that
# decides it. A fresh session on a fresh copy, so the keys above do not matter.
forecast_data = folder / "forecast.json"
subprocess.run([str(binary), "init", str(forecast_data), "--demo"], check=True, capture_output=True)
tmux("new-session", "-d", "-s", "s", "-x", "80", "-y", "24", *env, f"{binary} --file {forecast_data}")
tmux("set-option", "-t", "s", "status", "off")
time.sleep(0.5)
capture()
tmux("send-keys", "-t", "s", "2", "Down", "Down", "Down", "Down", "Down")
shots["forecast"] = capture()
tmux("kill-server")

(root / "docs/screens").mkdir(parents=True, exist_ok=True)
readme = (root / "README.md").read_text(encoding="utf-8")
for name, screen in shots.items():
    (root / "docs/screens" / f"{name}.txt").write_text(screen + "\n", encoding="utf-8")
    pattern = re.compile(rf"(<!-- screen:{re.escape(name)} -->\n)(.*?)(<!-- /screen:{re.escape(name)} -->)", re.S)
    readme = pattern.sub(lambda m: m.group(1) + "```text\n" + screen + "\n```\n" + m.group(3), readme)
(root / "README.md").write_text(readme, encoding="utf-8")
print("updated README.md and docs/screens/:", ", ".join(shots))
