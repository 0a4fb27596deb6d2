#!/usr/bin/env bash
# Builds the page: web/dist/jixiao.html, one self-contained file (HTML, CSS, JS, the Web
# Worker and the wasm, base64) that opens from disk by double-click and makes no request.
#
#   bash scripts/build-web.sh            # → web/dist/jixiao.html
#
# Needs: the wasm32-unknown-unknown target (added here), wasm-bindgen-cli 0.2.130 (installed
# here when missing: ~10 min once), python3. No npm, no binaryen (its wasm-opt breaks the glue).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
WASM_BINDGEN_VERSION=0.2.130

rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
  || rustup target add wasm32-unknown-unknown
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  echo "build-web: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (once)" >&2
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
command -v python3 >/dev/null || {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq python3 >/dev/null
}

export CARGO_TARGET_DIR="$root/target"
cargo build --locked --profile web --target wasm32-unknown-unknown -p jixiao-web
pkg="$root/target/web/pkg"
rm -rf "$pkg"
wasm-bindgen --target no-modules --no-typescript --out-dir "$pkg" \
  "$root/target/wasm32-unknown-unknown/web/jixiao_web.wasm"

mkdir -p web/dist
python3 - "$pkg" <<'EOF'
import base64, pathlib, sys
pkg = pathlib.Path(sys.argv[1])
web = pathlib.Path("web")
wasm = (pkg / "jixiao_web_bg.wasm").read_bytes()
glue = (pkg / "jixiao_web.js").read_text()
worker = "\n".join([
    glue,
    "const WASM_BASE64 = '" + base64.b64encode(wasm).decode() + "';",
    (web / "worker.js").read_text(),
])
page = (web / "page.html").read_text()
for marker, text in [("<!--STYLE-->", (web / "style.css").read_text()),
                     ("<!--APP-->", (web / "app.js").read_text()),
                     ("<!--WORKER-->", worker)]:
    if "</script" in text.lower() and marker != "<!--STYLE-->":
        sys.exit(f"build-web: {marker} holds </script, which would end the inline script")
    page = page.replace(marker, text, 1)
out = web / "dist" / "jixiao.html"
out.write_text(page)
print(f"build-web: {out} ({len(page.encode()) / 1e6:.1f} MB; wasm {len(wasm) / 1e6:.1f} MB)")
EOF
