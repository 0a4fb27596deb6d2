#!/usr/bin/env bash
# Installs what scripts/test-windows.sh needs: the Rust target, the MinGW cross-compiler and
# Wine. Idempotent, and quick when all are there.
set -euo pipefail
if ! rustup target list --installed 2>/dev/null | grep -qx x86_64-pc-windows-gnu; then
  rustup target add x86_64-pc-windows-gnu >/dev/null
fi
if ! command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || ! command -v wine >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq gcc-mingw-w64-x86-64 wine >/dev/null
fi
