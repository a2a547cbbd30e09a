# Runs inside `dbus-run-session`: unlocks a fresh keyring, then ctest under Xvfb.
# Usage: test-session.sh BUILD_DIR [ctest args...]
set -euo pipefail
BUILD_DIR="$1"; shift

# A throwaway home gives a fresh login keyring; the default alias must exist or
# the Secret Service answers "Object does not exist at path '/'".
HOME="$(mktemp -d)"
export HOME
mkdir -p "$HOME/.local/share/keyrings"
printf 'login' > "$HOME/.local/share/keyrings/default"
eval "$(printf 'memedesk-test' | gnome-keyring-daemon --unlock --components=secrets --daemonize)"
export GNOME_KEYRING_CONTROL
export QTKEYCHAIN_BACKEND=libsecret

jobs="$(nproc 2>/dev/null || echo 2)"
# The installer test (label package) runs only when asked for: scripts/test -L package.
if [ "$#" -eq 0 ]; then
  set -- -LE package
fi
status=0
xvfb-run -a -s "-screen 0 1600x1000x24" \
  ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$jobs" "$@" || status=$?
echo "screenshots and test artefacts: $BUILD_DIR/test-output"
exit "$status"
