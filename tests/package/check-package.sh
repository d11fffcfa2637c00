#!/usr/bin/env bash
# Checks a built Debian package (scripts/package.sh makes it):
#   tests/package/check-package.sh path/to/cinetune_<version>_<arch>.deb
#  1. contents: every file an installation needs is in the package;
#  2. lintian: no errors, and no warning outside the list below (each with its reason);
#  3. desktop-file-validate and appstreamcli validate --no-net: clean;
#  4. the package unpacked into a temporary root (dpkg-deb -x) and its binary run from there:
#     --version, dataset stats :sample --json, a gold set, and the GUI opening offscreen in German
#     with the translation loaded from the unpacked share/cinetune/translations (and, as a
#     self-test, falling back to the embedded copy once that file is removed);
#  5. man -l renders the man page; a bash test completes `cinetune go<TAB>` to `goldset`.
# Needs: dpkg-deb, lintian, desktop-file-utils, appstream, man-db, bash-completion
# (scripts/deps-debian.sh installs them). Nothing is installed on the machine.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
deb=$(realpath "${1:?usage: check-package.sh path/to/cinetune_VERSION_ARCH.deb}")
start=$SECONDS
failures=0
fail() { echo "check-package: FAIL: $*" >&2; failures=$((failures + 1)); }
step() { echo; echo "== $* ($((SECONDS - start)) s)"; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
root=$tmp/root
app_id=io.github.cinetune.CineTune

step "package $(basename "$deb")"
version=$(dpkg-deb -f "$deb" Version)
echo "size: $(du -h "$deb" | cut -f1) ($(stat -c %s "$deb") bytes), installed: $(dpkg-deb -f "$deb" Installed-Size) KiB"
echo "Depends: $(dpkg-deb -f "$deb" Depends)"
dpkg-deb -x "$deb" "$root"
required=(
    usr/bin/cinetune
    "usr/share/applications/$app_id.desktop"
    "usr/share/metainfo/$app_id.metainfo.xml"
    usr/share/icons/hicolor/scalable/apps/cinetune.svg
    usr/share/cinetune/translations/cinetune_de.qm
    usr/share/doc/cinetune/copyright
    usr/share/doc/cinetune/changelog.gz
    usr/share/doc/cinetune/ml-latest-small/README.txt
)
for size in 16 24 32 48 64 128 256; do
    required+=("usr/share/icons/hicolor/${size}x${size}/apps/cinetune.png")
done
for f in "${required[@]}"; do
    [ -s "$root/$f" ] || fail "the package has no /$f"
done
for size in 16 24 32 48 64 128 256; do
    png=$root/usr/share/icons/hicolor/${size}x${size}/apps/cinetune.png
    if [ -s "$png" ] && ! file -b "$png" | grep -q "PNG image data, $size x $size"; then
        fail "$png is not a ${size}x${size} PNG"
    fi
done
grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' \
    "$root/usr/share/doc/cinetune/copyright" || fail "copyright is not in DEP-5 format"
for lic in LGPL-3 BSD-3-Clause BSD-2-Clause Expat MovieLens-usage-license; do
    grep -q "^License: $lic" "$root/usr/share/doc/cinetune/copyright" || fail "copyright lacks License: $lic"
done

step "lintian"
# Any warning or error fails (the list of expected warnings is empty).
allowed_warnings=()
lintian --display-info --fail-on none "$deb" >"$tmp/lintian.txt" 2>"$tmp/lintian.err" || fail "lintian did not run: $(cat "$tmp/lintian.err")"
cat "$tmp/lintian.txt"
while read -r level _ tag _; do
    case "$level" in
        E:) fail "lintian error: $tag" ;;
        W:) [[ " ${allowed_warnings[*]} " == *" $tag "* ]] || fail "lintian warning not in the allowed list: $tag" ;;
    esac
done < <(grep -E '^[EW]: ' "$tmp/lintian.txt" || true)

step "desktop-file-validate"
if ! out=$(desktop-file-validate "$root/usr/share/applications/$app_id.desktop" 2>&1) || [ -n "$out" ]; then
    echo "$out"
    fail "desktop-file-validate"
fi

step "appstreamcli validate --no-net"
if ! appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml" >"$tmp/as.txt" 2>&1 \
    || grep -qE '^[EW]: ' "$tmp/as.txt"; then
    cat "$tmp/as.txt"
    fail "appstreamcli validate"
else
    cat "$tmp/as.txt"
fi

# The unpacked binary runs with a private home, so nothing of the user's settings or data counts.
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_DATA_HOME=$tmp/home/.local/share \
       XDG_CACHE_HOME=$tmp/home/.cache XDG_RUNTIME_DIR=$tmp/run
mkdir -p "$HOME" && mkdir -m 700 "$XDG_RUNTIME_DIR"
unset LC_ALL LC_MESSAGES LANGUAGE
export LANG=C.UTF-8
bin=$root/usr/bin/cinetune

step "cinetune --version"
"$bin" --version | tee "$tmp/version.txt" || fail "--version exited with $?"
grep -qx "cinetune $version" "$tmp/version.txt" || fail "--version does not print 'cinetune $version'"
grep -qE '^Qt 6\.[0-9]+\.[0-9]+' "$tmp/version.txt" || fail "--version does not print the Qt version"
grep -qE '^revision [0-9a-f]{7,}' "$tmp/version.txt" \
    || { grep -q '^revision unknown$' "$tmp/version.txt" && ! git -C "$repo" rev-parse --git-dir >/dev/null 2>&1; } \
    || fail "--version does not print the git revision (the build came from a git checkout)"

step "cinetune dataset stats :sample --json"
"$bin" dataset stats :sample --json >"$tmp/stats.json" || fail "dataset stats exited with $?"
head -c 400 "$tmp/stats.json"; echo
grep -qE '"ratings": *100836' "$tmp/stats.json" || fail "dataset stats: not the sample's 100836 ratings"

step "cinetune goldset :sample"
"$bin" goldset :sample --out "$tmp/gold.jsonl" --sample-users 50 || fail "goldset exited with $?"
lines=$(wc -l <"$tmp/gold.jsonl" 2>/dev/null || echo 0)
echo "gold set: $lines lines"
if [ "$lines" -lt 10 ] || ! grep -q '"user"' "$tmp/gold.jsonl"; then fail "goldset wrote no gold set"; fi

step "GUI offscreen in German, translation from the unpacked package"
# CINETUNE_EXIT_AFTER_SHOW (ui/appsetup.cpp): once the window shows, the app prints which
# translation file it loaded and quits.
gui() {
    QT_QPA_PLATFORM=offscreen LANGUAGE=de CINETUNE_EXIT_AFTER_SHOW=1 timeout 120 "$bin" 2>&1 \
        | grep -a '^CineTune: window' || true
}
qm=$root/usr/share/cinetune/translations/cinetune_de.qm
line=$(gui)
echo "$line"
loaded=$(sed -n 's/.*translation file "\(.*\)"$/\1/p' <<<"$line")
[[ "$line" == *"window shown"* ]] || fail "the window did not show"
[[ "$line" == *'first menu "&Datei"'* ]] || fail "the menus are not German"
if [ -z "$loaded" ] || [ "$(realpath -m "$loaded")" != "$(realpath "$qm")" ]; then
    fail "the German translation was not loaded from the package's $qm"
fi
# Self-test: without the installed file the app falls back to its embedded copy, so the check
# above really saw the installed one.
mv "$qm" "$qm.away"
line=$(gui)
mv "$qm.away" "$qm"
echo "without the installed .qm: $line"
[[ "$line" == *'translation file ":/i18n/cinetune_de.qm"'* ]] || fail "self-test: no fallback to the embedded translation"

step "man page"
man_page=$root/usr/share/man/man1/cinetune.1.gz
# Both are generated from the command registry (cinetune help --man / --bash-completion).
if [ -e "$man_page" ]; then
    if ! MANWIDTH=80 man --warnings -l "$man_page" >"$tmp/man.txt" 2>"$tmp/man.err" || [ -s "$tmp/man.err" ]; then
        cat "$tmp/man.err"
        fail "man -l does not render the man page cleanly"
    fi
    head -12 "$tmp/man.txt"
    grep -q 'goldset' "$tmp/man.txt" || fail "the man page does not mention goldset"
else
    fail "the package has no man page"
fi

step "bash completion"
completion=$root/usr/share/bash-completion/completions/cinetune
if [ -e "$completion" ]; then
    # Source the script as bash-completion would, then ask the registered function what
    # `cinetune go<TAB>` offers; TAB inserts the candidates' common prefix.
    bash --norc --noprofile -c '
        source /usr/share/bash-completion/bash_completion 2>/dev/null || true
        source "$1" || exit 1
        spec=$(complete -p cinetune) || exit 1
        fn=${spec##*-F }; fn=${fn%% *}
        COMP_WORDS=(cinetune go); COMP_CWORD=1; COMP_LINE="cinetune go"; COMP_POINT=${#COMP_LINE}
        "$fn" cinetune go cinetune
        printf "%s\n" "${COMPREPLY[@]}"' _ "$completion" >"$tmp/complete.txt" || fail "the completion script did not run"
    echo "cinetune go<TAB> offers: $(tr '\n' ' ' <"$tmp/complete.txt")"
    prefix=$(head -1 "$tmp/complete.txt")
    while read -r word; do
        while [[ "$word" != "$prefix"* ]]; do prefix=${prefix%?}; done
    done <"$tmp/complete.txt"
    grep -qx goldset "$tmp/complete.txt" || fail "completing 'cinetune go' does not offer goldset"
    [ "$prefix" = goldset ] || fail "TAB after 'cinetune go' inserts '$prefix', not 'goldset'"
else
    fail "the package has no bash completion"
fi

step "done"
if [ "$failures" -gt 0 ]; then
    echo "check-package: $failures check(s) failed in $((SECONDS - start)) s" >&2
    exit 1
fi
echo "check-package: all checks passed in $((SECONDS - start)) s"
