#!/usr/bin/env bash
# Installs what CineTune needs to build, run and test on Debian 12 (bookworm).
# Runs apt-get only for packages that are missing. Needs root (uses sudo when not root).
set -euo pipefail

packages=(
    # toolchain
    cmake ninja-build g++ clang libclang-rt-14-dev pkg-config git
    # the C++ style (.clang-format, scripts/format.sh, the test source_is_formatted)
    clang-format
    # Qt 6 and friends
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-translations-l10n qtkeychain-qt6-dev libgl-dev libqt6opengl6-dev
    qt6-httpserver-dev qt6-websockets-dev
    # the dataset cache's checksums (XXH3)
    libxxhash-dev
    # tests: offscreen and Xvfb screenshots, fonts, image checks
    xvfb xauth x11-apps imagemagick fonts-dejavu-core
    # tests: a real Secret Service for the keychain (tests/support/with-keyring.sh)
    dbus-daemon gnome-keyring libsecret-1-0
    # the Debian package (scripts/package.sh, tests/package/check-package.sh): PNG icons from the
    # SVG, CPack's dependency list (dpkg-shlibdeps), lintian, the desktop and AppStream
    # validators, man -l, bash-completion for the completion test, file for the icon check
    librsvg2-bin dpkg-dev lintian desktop-file-utils appstream man-db bash-completion file
)
# Node.js and npm (for the Prism mock server): the machine's own if present, else Debian's.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if [ ${#missing[@]} -eq 0 ]; then
    echo "deps-debian: all ${#packages[@]} packages present"
else
    echo "deps-debian: installing ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# D-Bus clients abort without a machine id; a bare container image may not have one.
if [ ! -s /etc/machine-id ] && [ ! -s /var/lib/dbus/machine-id ]; then
    $SUDO dbus-uuidgen --ensure
fi
