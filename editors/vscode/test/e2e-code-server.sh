#!/usr/bin/env bash
# End-to-end test of the extension as users install it, in the real VS Code workbench (code-server +
# Chromium): the platform package (copydesk-<target>.vsix, the server inside) is installed into an
# isolated code-server whose environment has no `copydesk` on PATH, an empty home (so no
# ~/.cargo/bin/copydesk) and no copydesk.path setting: the extension must run its bundled server. Opens
# seed 000 in a workspace holding copies of both seed articles, and checks the Problems panel, the hover
# on "400", Check Workspace, and that the output channel names the bundled binary (skipped when the seeds
# are absent). Then "copydesk: Show Story Timeline" in a second workspace, the report fixtures
# (tests/fixtures/report): from the command palette and from the hover's link, the chart in the webview
# against `copydesk claims --with-matches --format json` (vscode-timeline.js). Screenshots go to
# screenshots/ (only from a passing run).
# Env: COPYDESK_BIN (the binary to bundle when the package must be built; default: the package script
# builds target/release/copydesk), COPYDESK_SEEDS (default ../shared/seeds), VSIX (default: <ext>/copydesk-<target>.vsix), CODE_SERVER_DIR (default:
# ~/.cache/copydesk-code-server), KEEP_E2E=1 keeps the temp dir. Needs root for the setup's apt-get.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
ext=$(cd "$here/.." && pwd)
repo=$(cd "$ext/../.." && pwd)
shared=$(cd "$repo/.." && pwd)/shared
seeds=${COPYDESK_SEEDS:-$shared/seeds}
seed000=000_85c950aaef89da52.txt
seed002=002_b02f48862c04265b.txt
setup=$shared/tools/code-server-setup.sh
cs_dir=${CODE_SERVER_DIR:-$HOME/.cache/copydesk-code-server}

story_src=$repo/tests/fixtures/report
story_file=wire-ferry-day3.md # its "133 dead": 5 figures of 4 other articles give the same toll
story_figure="133 dead"
seeds_ok=1
if [ ! -f "$seeds/$seed000" ] || [ ! -f "$seeds/$seed002" ]; then
  echo "SKIP the seed checks of e2e-code-server: seed articles not found in $seeds (the timeline check still runs)"
  seeds_ok=
fi
if [ ! -f "$setup" ]; then
  echo "SKIP e2e-code-server: $setup not found"; exit 0
fi

echo "== code-server setup ($cs_dir)"
t0=$(date +%s)
bash "$setup" "$cs_dir" >/dev/null
echo "   ready in $(( $(date +%s) - t0 )) s"
cs=$cs_dir/node_modules/.bin/code-server

target=$(node -p 'process.platform + "-" + process.arch')
vsix=${VSIX:-$ext/copydesk-$target.vsix}
if [ ! -f "$vsix" ]; then
  echo "== packaging the extension for $target"
  (cd "$ext" && npm run --silent package:platform)
fi
if ! python3 -c 'import sys, zipfile; sys.exit(0 if "extension/server/copydesk" in zipfile.ZipFile(sys.argv[1]).namelist() else 1)' "$vsix"; then
  echo "FAIL e2e-code-server: $vsix carries no server (extension/server/copydesk)" >&2; exit 1
fi

tmp=$(mktemp -d /tmp/copydesk-e2e.XXXXXX)
cs_pid=
cleanup() {
  # code-server runs in its own process group (setsid below): end it with its extension host and servers.
  if [ -n "$cs_pid" ]; then kill -- "-$cs_pid" 2>/dev/null || kill "$cs_pid" 2>/dev/null || true; wait "$cs_pid" 2>/dev/null || true; fi
  if [ "${KEEP_E2E:-}" = 1 ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

mkdir -p "$tmp/user/User" "$tmp/extensions" "$tmp/workspace" "$tmp/story" "$tmp/home"
[ -z "$seeds_ok" ] || cp "$seeds/$seed000" "$seeds/$seed002" "$tmp/workspace/"
cp "$story_src"/*.md "$tmp/story/"

echo "== installing $(basename "$vsix") into an isolated code-server"
"$cs" --user-data-dir "$tmp/user" --extensions-dir "$tmp/extensions" --install-extension "$vsix" 2>&1 | tail -n 2

# No copydesk.path: the extension finds the server itself.
python3 - "$tmp/user/User/settings.json" <<'PY'
import json, sys
json.dump({
    "copydesk.trace.server": "off",  # the output channel stays readable for its screenshot
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": False,
    "workbench.enableExperiments": False,
    "workbench.welcomePage.walkthroughs.openOnInstall": False,
    "security.workspace.trust.enabled": False,
    "extensions.ignoreRecommendations": True,
    "telemetry.telemetryLevel": "off",
    "chat.commandCenter.enabled": False,
    "workbench.secondarySideBar.defaultVisibility": "hidden",
    "editor.wordWrap": "on",
    "editor.minimap.enabled": False,
    "editor.hover.delay": 300,
    "files.autoSave": "off",
}, open(sys.argv[1], "w"), indent=2)
PY

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
# The environment of a user who installed only the extension: PATH without any folder that holds a
# copydesk, an empty home (no ~/.cargo/bin/copydesk), no CARGO_HOME.
clean_path=
IFS=: read -r -a dirs <<<"$PATH"
for d in "${dirs[@]}"; do
  [ -n "$d" ] && [ ! -e "$d/copydesk" ] && clean_path=${clean_path:+$clean_path:}$d
done
if PATH=$clean_path command -v copydesk >/dev/null; then
  echo "FAIL e2e-code-server: copydesk is still on the cleaned PATH" >&2; exit 1
fi
echo "== starting code-server on 127.0.0.1:$port (PATH without copydesk, HOME=$tmp/home)"
env -u CARGO_HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u XDG_CACHE_HOME HOME="$tmp/home" PATH="$clean_path" \
  setsid "$cs" --auth none --bind-addr "127.0.0.1:$port" --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$tmp/user" --extensions-dir "$tmp/extensions" "$tmp/workspace" >"$tmp/code-server.log" 2>&1 &
cs_pid=$!
up=
for _ in $(seq 1 120); do
  if python3 -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)" \
    "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then up=1; break; fi
  if ! kill -0 "$cs_pid" 2>/dev/null; then echo "code-server exited:" >&2; cat "$tmp/code-server.log" >&2; exit 1; fi
  sleep 0.5
done
if [ -z "$up" ]; then echo "FAIL: code-server did not answer on port $port within 60 s" >&2; tail -n 20 "$tmp/code-server.log" >&2; exit 1; fi

fail=0
shot=$tmp/shot
channel=
if [ -n "$seeds_ok" ]; then
  echo "== driving the workbench with Playwright (seed articles)"
  t0=$(date +%s)
  set +e
  NODE_PATH=$cs_dir/node_modules node "$here/vscode-look.js" \
    "http://127.0.0.1:$port/?folder=$tmp/workspace" "$seed000" "400" "$shot" \
    "date-dateline-mismatch" "Azeri civilians" >"$tmp/look.out" 2>&1
  look_rc=$?
  set -e
  echo "   took $(( $(date +%s) - t0 )) s"
  cat "$tmp/look.out"

  if [ "$look_rc" -ne 0 ]; then echo "FAIL: vscode-look.js exited with $look_rc" >&2; fail=1; fi
  problems=$(sed -n '/^PROBLEMS:$/,/^HOVER:$/p' "$tmp/look.out")
  hover=$(sed -n '/^HOVER:$/,/^NOTIFICATIONS:$/p' "$tmp/look.out")
  notifications=$(sed -n '/^NOTIFICATIONS:$/,/^OUTPUT:$/p' "$tmp/look.out")
  if ! grep -q 'date-dateline-mismatch' <<<"$problems"; then
    echo "FAIL: the Problems panel does not list date-dateline-mismatch" >&2; fail=1
  fi
  if ! grep -q 'Azeri civilians' <<<"$hover" || ! grep -qw '30' <<<"$hover"; then
    echo "FAIL: the hover on \"400\" does not show seed 002's figures (30 Azeri civilians)" >&2; fail=1
  fi
  if ! grep -Eq 'copydesk checked [0-9]+ articles: [0-9]+ findings' <<<"$notifications"; then
    echo "FAIL: \"copydesk: Check Workspace\" showed no \"copydesk checked N articles: M findings\" message" >&2; fail=1
  fi
  channel=$(find "$tmp/user/logs" -name '*copydesk*.log' 2>/dev/null | head -n 1)
  echo "--- copydesk output channel (${channel:-not found}), first lines:"
  [ -n "$channel" ] && head -n 4 "$channel" | cut -c1-200
  if [ -z "$channel" ] || ! grep -q "Using the copydesk server $tmp/extensions/.*/server/copydesk (from the binary bundled with the extension)" "$channel"; then
    echo "FAIL: the copydesk output channel does not say it runs the bundled server" >&2; fail=1
  fi
fi

# "copydesk: Show Story Timeline" on the report fixtures (own sentences, no seeds needed): the
# expected markers come from the bundled server's `claims --with-matches`, the same binary the
# extension runs `copydesk report` with.
echo "== copydesk: Show Story Timeline on \"$story_figure\" in $story_file (report fixtures)"
server=$(find "$tmp/extensions" -path '*/server/copydesk' -type f | head -n 1)
if [ -z "$server" ]; then echo "FAIL: the installed extension has no server/copydesk" >&2; exit 1; fi
"$server" claims "$tmp/story" --with-matches --format json --no-cache >"$tmp/story-claims.json"
read -r fig_line fig_col < <(python3 - "$tmp/story/$story_file" "$story_figure" <<'PY'
import sys
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    if sys.argv[2] in line:
        print(n, line.index(sys.argv[2]) + 1)
        break
PY
)
if [ -z "${fig_col:-}" ]; then echo "FAIL: \"$story_figure\" is not in $story_src/$story_file" >&2; exit 1; fi
t0=$(date +%s)
set +e
NODE_PATH=$cs_dir/node_modules node "$here/vscode-timeline.js" \
  "http://127.0.0.1:$port/?folder=$tmp/story" "$story_file" "$fig_line" "$fig_col" \
  "$tmp/story-claims.json" "$shot-timeline.png" >"$tmp/timeline.out" 2>&1
timeline_rc=$?
set -e
echo "   took $(( $(date +%s) - t0 )) s"
cat "$tmp/timeline.out"
if [ "$timeline_rc" -ne 0 ]; then
  echo "FAIL: Show Story Timeline (vscode-timeline.js exited with $timeline_rc)" >&2; fail=1
fi

if [ "$fail" -ne 0 ]; then
  echo "--- code-server log (tail)" >&2; tail -n 40 "$tmp/code-server.log" >&2
  [ -z "$channel" ] && channel=$(find "$tmp/user/logs" -name '*copydesk*.log' 2>/dev/null | head -n 1)
  [ -n "$channel" ] && { echo "--- copydesk output channel ($channel, tail)" >&2; tail -n 40 "$channel" >&2; }
  KEEP_E2E=1
  echo "screenshots of the failed run: $shot-*.png (screenshots/ left unchanged)" >&2
  exit 1
fi
# Only a passing run replaces the committed screenshots.
mkdir -p "$ext/screenshots"
for name in problems hover comparisons output timeline; do
  if [ -f "$shot-$name.png" ]; then cp "$shot-$name.png" "$ext/screenshots/$name.png"; fi
done
echo "PASS e2e-code-server (screenshots in $ext/screenshots/: $(cd "$ext/screenshots" && ls -- *.png | tr '\n' ' '))"
