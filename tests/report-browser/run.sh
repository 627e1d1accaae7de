#!/usr/bin/env bash
# Opens `copydesk report` pages in headless Chromium and checks them (tests/report-browser/check.js):
#   1. the fixture workspace tests/fixtures/report: markers and values against
#      `claims --with-matches --format json`, tooltips, no console error; screenshots;
#   2. hostile outlet names, file names and sentences: nothing runs;
#   3. ../shared/corpus when present: the same checks as 1;
#   4. synthetic articles (REPORT_BENCH_N, default 300; 10000 for the README numbers): page size
#      and load time, asserted under 5 MB and 2 s.
# Installs Debian's chromium (apt-get, as root) and playwright-core (npm) when missing.
# Env: COPYDESK_BIN (default target/debug/copydesk), SCREENSHOTS=DIR (default: a temp dir;
#      docs/ to refresh the README's), REPORT_BENCH_N.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
bin=${COPYDESK_BIN:-$repo/target/debug/copydesk}
n=${REPORT_BENCH_N:-300}
passed=0
failed=0

chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing chromium (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null
  fi
fi
if [ ! -x "$chromium" ]; then
  echo "SKIP report-browser: no chromium at $chromium and cannot install it"; exit 0
fi
pw=""
for d in "$HOME/.cache/copydesk-code-server" "$HOME/.cache/copydesk-playwright"; do
  if [ -f "$d/node_modules/playwright-core/package.json" ]; then pw="$d/node_modules/playwright-core"; break; fi
done
if [ -z "$pw" ]; then
  d="$HOME/.cache/copydesk-playwright"
  mkdir -p "$d"
  [ -f "$d/package.json" ] || echo '{"name":"copydesk-playwright","private":true}' >"$d/package.json"
  (cd "$d" && npm install --silent --no-audit --no-fund playwright-core@1.64.1 >/dev/null)
  pw="$d/node_modules/playwright-core"
fi
export PLAYWRIGHT_CORE=$pw CHROMIUM=$chromium

tmp=$(mktemp -d /tmp/copydesk-report.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
shots=${SCREENSHOTS:-$tmp}
mkdir -p "$shots"

check_dir() { # NAME DIR [SHOT_PREFIX]
  local name=$1 dir=$2 prefix=${3:-}
  "$bin" report "$dir" --html "$tmp/$name.html" --no-cache
  "$bin" claims "$dir" --with-matches --format json --no-cache >"$tmp/$name.json"
  if node "$here/check.js" page "$tmp/$name.html" "$tmp/$name.json" $prefix; then
    passed=$((passed + 1)); echo "ok: $name"
  else
    failed=$((failed + 1)); echo "FAILED: $name"
  fi
}

echo "== fixture workspace"
check_dir fixture "$repo/tests/fixtures/report" "$shots/report"

echo "== hostile names and sentences"
mkdir -p "$tmp/hostile"
i=0
for name in '<script>window.pwned=1</script>' '"><img src=x onerror="window.pwned=1">' "' onmouseover='window.pwned=1" '</style></svg><iframe srcdoc=x>'; do
  i=$((i + 1))
  file="$tmp/hostile/$i-${name//\//_}.md"
  quoted=${name//\'/\'\'}
  printf -- "---\ntitle: %s\ndate: 2024-05-0%s\noutlet: '%s'\n---\n\nThe storm <script>window.pwned=2</script> killed %s people in the port town, the mayor %s said on Friday.\n\nAt least 12 people \"><img src=y onerror=window.pwned=3> were hurt, the mayor said.\n" \
    "$name" "$i" "$quoted" "$((40 + i * 3))" "$name" >"$file"
done
check_dir hostile "$tmp/hostile"

if [ -d "$repo/../shared/corpus" ]; then
  echo "== ../shared/corpus"
  check_dir corpus "$repo/../shared/corpus" "$tmp/corpus"
else
  echo "SKIP ../shared/corpus: not present"
fi

echo "== $n synthetic articles"
node "$here/synthetic.js" "$tmp/synthetic" "$n"
t0=$(date +%s.%N)
"$bin" report "$tmp/synthetic" --html "$tmp/synthetic.html" --no-cache
t1=$(date +%s.%N)
if out=$(node "$here/check.js" bench "$tmp/synthetic.html"); then
  echo "$out" | sed "s/}\$/,\"articles\":$n,\"report_seconds\":$(awk "BEGIN{printf \"%.1f\", $t1 - $t0}")}/"
  bytes=$(echo "$out" | sed 's/.*"bytes":\([0-9]*\).*/\1/')
  load=$(echo "$out" | sed 's/.*"load_ms":\([0-9]*\).*/\1/')
  if [ "$bytes" -lt 5000000 ] && [ "$load" -lt 2000 ]; then
    passed=$((passed + 1)); echo "ok: synthetic ($bytes bytes, loaded in $load ms)"
  else
    failed=$((failed + 1)); echo "FAILED: synthetic page too big or slow ($bytes bytes, $load ms)"
  fi
else
  failed=$((failed + 1)); echo "FAILED: synthetic"
fi

echo "report-browser: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
