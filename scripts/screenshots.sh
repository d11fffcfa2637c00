#!/usr/bin/env bash
# Captures a PNG of every workflow step of CineTune (and the Dataset page's tabs and error message)
# and of every dialog on the bundled MovieLens sample, for the documentation. Builds nothing.
#
#   scripts/screenshots.sh [--size WxH] [--check] BUILD_DIR [OUTPUT_DIR] [LANGUAGE]
#
# --size WxH  the X screen and the window size; default 1366x768 (the README's screenshots)
# --check     also check every page and dialog fits the screen (ui/shell/layoutcheck.h); fails
#             (exit 3) naming each problem
# BUILD_DIR   a configured and built CineTune build folder (contains app/cinetune)
# OUTPUT_DIR  where the PNGs go; default: docs/screenshots in this repository
# LANGUAGE    en (default) or de
#
# Runs the app under xvfb-run with its own settings, cache and data folders, so the user's recent
# projects and settings neither show up nor change. The app itself (CINETUNE_SCREENSHOT_DIR) waits
# for the dataset, visits every step, grabs the window and quits.
set -euo pipefail

usage() { sed -n '2,14s/^# \{0,1\}//p' "$0" >&2; exit 2; }
size=1366x768
check=0
while [[ $# -gt 0 && $1 == --* ]]; do
    case $1 in
        --size) [[ $# -ge 2 && $2 =~ ^[0-9]+x[0-9]+$ ]] || usage; size=$2; shift 2 ;;
        --check) check=1; shift ;;
        *) usage ;;
    esac
done
[[ $# -ge 1 && $# -le 3 ]] || usage

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "$1" && pwd)
out=${2:-$repo/docs/screenshots}
lang=${3:-en}
app="$build/app/cinetune"

[[ -x $app ]] || { echo "screenshots: $app not found; build the 'cinetune' target first" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "screenshots: xvfb-run is missing (apt-get install xvfb)" >&2; exit 1; }
case $lang in
    en) locale=en_US.UTF-8 ;;
    de) locale=de_DE.UTF-8 ;;
    *) echo "screenshots: unknown language '$lang' (en, de)" >&2; exit 2 ;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out" "$tmp/config/CineTune"
mkdir -m 700 "$tmp/runtime"
printf '[ui]\nlanguage=%s\n' "$lang" >"$tmp/config/CineTune/cinetune.conf"
out=$(cd "$out" && pwd)

echo "screenshots: writing to $out at $size"
env -u QT_QPA_PLATFORM \
    XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" XDG_DATA_HOME="$tmp/data" \
    XDG_RUNTIME_DIR="$tmp/runtime" LANG="$locale" LC_ALL="$locale" LANGUAGE="$lang" \
    QT_SCALE_FACTOR=1 QT_QPA_PLATFORMTHEME= \
    CINETUNE_SCREENSHOT_DIR="$out" CINETUNE_SCREENSHOT_SIZE="$size" CINETUNE_LAYOUT_CHECK="$check" \
    timeout 300 xvfb-run --auto-servernum --server-args="-screen 0 ${size}x24 -dpi 96" "$app" :sample
echo "screenshots: done"
