#!/usr/bin/env bash
# Formats every C++ source with .clang-format (clang-format 14, Debian 12's).
#   scripts/format.sh          rewrite the files in place
#   scripts/format.sh --check  list the files that differ and exit 1 (the test source_is_formatted)
set -euo pipefail
cd "$(dirname "$0")/.."
clang_format=${CLANG_FORMAT:-clang-format}
mapfile -t files < <(git ls-files -- 'app/*.cpp' 'app/*.h' 'core/*.cpp' 'core/*.h' 'ui/*.cpp' 'ui/*.h' 'tests/*.cpp' 'tests/*.h' 2>/dev/null \
    || find app core ui tests -name '*.cpp' -o -name '*.h')
if [ "${1:-}" = "--check" ]; then
    bad=0
    for f in "${files[@]}"; do
        if ! "$clang_format" --style=file "$f" | cmp -s - "$f"; then
            echo "not formatted: $f (run scripts/format.sh)"
            bad=1
        fi
    done
    [ "$bad" = 0 ] && echo "format: ${#files[@]} files follow .clang-format"
    exit "$bad"
fi
"$clang_format" --style=file -i "${files[@]}"
echo "format: ${#files[@]} files formatted"
