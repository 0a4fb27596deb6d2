#!/usr/bin/env bash
# Makes dist/jixiao-windows.zip: what a clerk unpacks and starts without typing a command.
#
#   网页版.html          double-click: the page (web/dist/jixiao.html), runs in the browser, offline
#   检查表格.cmd         drag workbooks onto it: lists every problem, then waits for a key
#   转成平表.cmd         drag workbooks onto it: writes 平表.xlsx beside the first one
#   计算得分.cmd         drag 自评表 onto it: writes …-已计分.xlsx beside it
#   jixiao.exe           the program itself, for those who do type commands
#   使用说明.txt         how to use it, in Chinese
#   单位配置/  空白表/   the office profiles and the blank official forms
#
# The .cmd files are saved in GBK, the code page cmd.exe reads batch files in on Chinese Windows.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bash scripts/ci-windows.sh
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
cargo build --release --locked --quiet --target x86_64-pc-windows-gnu --bin jixiao
if [ ! -f web/dist/jixiao.html ]; then
  bash scripts/build-web.sh >/dev/null 2>&1 || echo "package-windows: web page not built; packaging without it"
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
dir=$stage/jixiao
mkdir -p "$dir/单位配置" "$dir/空白表"
cp target/x86_64-pc-windows-gnu/release/jixiao.exe "$dir/"
cp templates/offices/*.toml "$dir/单位配置/"
cp templates/declaration.xlsx "$dir/空白表/绩效目标申报表（空白）.xlsx"
cp templates/self-evaluation.xlsx "$dir/空白表/绩效自评表（空白）.xlsx"
[ -f web/dist/jixiao.html ] && cp web/dist/jixiao.html "$dir/网页版.html"

python3 - "$dir" <<'PY'
import sys, os
d = sys.argv[1]
def cmd(name, body):
    text = "@echo off\r\n" + body.strip().replace("\n", "\r\n") + "\r\n"
    open(os.path.join(d, name), "wb").write(text.encode("gbk"))
cmd("检查表格.cmd", r"""
rem 把一个或几个表格文件（或文件夹）拖到本文件上：逐条列出问题。
cd /d "%~dp0"
if "%~1"=="" (
  echo 请把要检查的表格文件拖到“检查表格.cmd”上。
  pause
  exit /b
)
jixiao.exe check --report "%~dpn1-问题清单.xlsx" %*
echo.
echo 问题清单已另存为 %~n1-问题清单.xlsx（与表格在同一文件夹）。
pause
""")
cmd("转成平表.cmd", r"""
rem 把表格文件拖到本文件上：在第一个文件旁写出“…-平表.xlsx”，便于在一张表里批量修改。
cd /d "%~dp0"
if "%~1"=="" (
  echo 请把表格文件拖到“转成平表.cmd”上。
  pause
  exit /b
)
jixiao.exe convert %* -o "%~dpn1-平表.xlsx" --to xlsx-flat
pause
""")
cmd("计算得分.cmd", r"""
rem 把自评表拖到本文件上：计算执行率、得分、总分和等级，写出“…-已计分.xlsx”。
cd /d "%~dp0"
if "%~1"=="" (
  echo 请把自评表文件拖到“计算得分.cmd”上。
  pause
  exit /b
)
jixiao.exe score %* -o "%~dpn1-已计分.xlsx" --explain
pause
""")
readme = """jixiao（绩效）使用说明
========================

本程序检查、计分、转换财政项目支出绩效目标申报表和绩效自评表。不需要安装，解压即可使用，不联网。

一、不用命令的用法
  1. 双击“网页版.html”：在浏览器中打开，把表格拖进页面即可检查、转换（文件不离开本机）。
  2. 把表格文件（.xlsx、.xls、.ods，可一次拖多个，或拖文件夹）拖到：
     - “检查表格.cmd”：逐条列出问题（哪张表、哪个单元格、错在哪里、怎么改），
       并在表格旁另存一份“…-问题清单.xlsx”，问题单元格标红（错误）或标黄（警告）。
     - “转成平表.cmd”：把许多张表汇成一个“平表”工作簿，一行一个项目、一行一个指标，
       便于批量修改；改好后再拖到“检查表格.cmd”上检查。
     - “计算得分.cmd”：为自评表算出执行率、各指标得分、总分和评分等级。

二、命令行用法（在本文件夹中按住 Shift 右击 →“在此处打开 PowerShell 窗口”）
  .\\jixiao.exe check 申报表.xlsx
  .\\jixiao.exe convert 申报表.xlsx -o 平表.xlsx --to xlsx-flat
  .\\jixiao.exe score 自评表.xlsx -o 已计分.xlsx --explain
  .\\jixiao.exe template --kind self-evaluation --from 2026年申报表.xlsx -o 2026年自评表.xlsx
  .\\jixiao.exe --help        查看全部命令；每个命令后加 --help 查看其选项和示例
  提示为中文；加 --lang en 改为英文。

三、平表（CSV）
  用 Excel 或 WPS 另存为“CSV（逗号分隔）”“CSV UTF-8”或“Unicode 文本”均可读取。
  以 = + - @ 开头的文字（如指标值 =100.00(%)）在 CSV 中前面带一个英文单引号 '，
  这样 Excel、WPS 和 LibreOffice 不会把它当成公式；读回时自动去掉。
  平表中的公式或错误值（#VALUE!、Err:509 等）会被指出所在单元格，不会被悄悄读入。

四、文件夹内容
  单位配置\\   各单位的配置（主管部门、实施单位、表样），用于 template --profile
  空白表\\     空白的申报表和自评表

需要 Windows 10 或更新版本（64 位）。
"""
open(os.path.join(d, "使用说明.txt"), "wb").write(b"\xef\xbb\xbf" + readme.replace("\n", "\r\n").encode("utf-8"))
PY

mkdir -p dist
zip=$root/dist/jixiao-windows.zip
rm -f "$zip"
python3 - "$stage" "$zip" <<'PY'
import os, sys, zipfile
stage, out = sys.argv[1:]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for d, _, files in sorted(os.walk(stage)):
        for f in sorted(files):
            p = os.path.join(d, f)
            z.write(p, os.path.relpath(p, stage))  # non-ASCII names get the UTF-8 flag
PY
python3 -c "import zipfile,sys; [print(f'{i.file_size:>10}  {i.filename}') for i in zipfile.ZipFile(sys.argv[1]).infolist()]" "$zip"
echo "package-windows: $zip ($(du -h "$zip" | cut -f1))"
