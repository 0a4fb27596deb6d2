#!/usr/bin/env bash
# Builds the page, serves it on 127.0.0.1 and drives headless Chromium through its real file
# input (DevTools Protocol, scripts/web_test.py): the workbooks the page downloads must be the
# bytes the command line writes, the findings it shows those of `jixiao check --format json`,
# and it must ask nothing of any host but 127.0.0.1. Prints what it compared.
#
#   bash scripts/test-web.sh        # screenshot → target/web-test/page.png
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi

bash scripts/build-web.sh
cargo build --locked --quiet
fixtures=$(cd ../shared/fixtures && pwd)
timeout 600 python3 scripts/web_test.py web/dist/jixiao.html target/debug/jixiao "$fixtures" target/web-test
page=web/dist/jixiao.html
wasm=target/web/pkg/jixiao_web_bg.wasm
echo "test-web: page $(du -k "$page" | cut -f1) KB ($(gzip -9c "$page" | wc -c | awk '{printf "%d", $1/1024}') KB gzipped); wasm $(du -k "$wasm" | cut -f1) KB raw, $(gzip -9c "$wasm" | wc -c | awk '{printf "%d", $1/1024}') KB gzipped"
