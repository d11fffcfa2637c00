#!/bin/sh
# Runs a command with a real Secret Service: a private gnome-keyring-daemon on the session bus of
# the caller (run this under dbus-run-session), with an unlocked login keyring in a fresh HOME
# that is deleted afterwards. Everything the command writes through HOME, XDG_* or TMPDIR lands
# in that folder, which the command finds in CINETUNE_KEYRING_HOME (for searching it).
# Usage: dbus-run-session -- tests/support/with-keyring.sh COMMAND [ARGS...]
set -eu
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || { echo "with-keyring.sh: no session bus; run it under dbus-run-session" >&2; exit 2; }
command -v gnome-keyring-daemon >/dev/null || { echo "with-keyring.sh: gnome-keyring-daemon is not installed (scripts/deps-debian.sh)" >&2; exit 2; }
home=$(mktemp -d "${TMPDIR:-/tmp}/cinetune-keyring.XXXXXX")
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache"
export XDG_RUNTIME_DIR="$home/run" TMPDIR="$home/tmp" CINETUNE_KEYRING_HOME="$home"
mkdir -p "$XDG_RUNTIME_DIR" "$TMPDIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset GNOME_KEYRING_CONTROL
# The daemon exits with the bus when dbus-run-session ends.
eval "$(printf 'cinetune-test\n' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
status=0
"$@" || status=$?
exit "$status"
