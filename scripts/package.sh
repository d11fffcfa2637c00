#!/usr/bin/env bash
# Builds the Debian package (CPack, cmake/Packaging.cmake) and prints its path on stdout:
#   scripts/package.sh                  a Release build in build-package/ (no tests)
#   scripts/package.sh --build-dir DIR  package an existing build, e.g. the one scripts/test.sh made
#                                       (CI does this, so the package costs no second build)
# Install it with `sudo apt install ./cinetune_*.deb`; tests/package/check-package.sh checks it.
set -euo pipefail
cd "$(dirname "$0")/.."

build="build-package"
reuse=0
while [ $# -gt 0 ]; do
    case "$1" in
        --build-dir) build=${2:?--build-dir needs a directory}; reuse=1; shift 2 ;;
        -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
        *) echo "package.sh: unknown argument $1" >&2; exit 1 ;;
    esac
done

scripts/deps-debian.sh >&2
# CMAKE_SKIP_INSTALL_ALL_DEPENDENCY: cpack installs what the two targets below built and does not
# build "all" first (in a test build that would be every test).
if [ "$reuse" = 1 ]; then
    [ -f "$build/CMakeCache.txt" ] || { echo "package.sh: $build is not a configured build" >&2; exit 1; }
    cmake -S . -B "$build" -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON >&2
else
    # Debian's hardening flags (fortify, stack protector, relro, bindnow), as a distribution build has.
    export DEB_BUILD_MAINT_OPTIONS=hardening=+all
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCINETUNE_BUILD_TESTS=OFF \
        -DCMAKE_CXX_FLAGS="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)" \
        -DCMAKE_EXE_LINKER_FLAGS="$(dpkg-buildflags --get LDFLAGS)" \
        -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON >&2
fi
cmake --build "$build" -j"${CINETUNE_JOBS:-$(nproc)}" --target cinetune cinetune_package_files >&2
rm -f "$build"/cinetune_*.deb
(cd "$build" && cpack -G DEB) >&2
deb=$(ls "$build"/cinetune_*.deb)
echo "package.sh: built $deb ($(du -h "$deb" | cut -f1))" >&2
realpath "$deb"
