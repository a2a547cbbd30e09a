# Shared by scripts/run and scripts/test: install what is missing, configure, build.
# shellcheck shell=bash

MEMEDESK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Debian 12 packages the build needs (Qt 6.4 and friends).
MEMEDESK_BUILD_PACKAGES=(
  cmake ninja-build g++ ccache pkg-config
  qt6-base-dev qt6-charts-dev qt6-websockets-dev qt6-httpserver-dev qtkeychain-qt6-dev
  qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools libqt6sql6-sqlite libqt6opengl6-dev
  libgl-dev libgl1-mesa-dev libegl-dev libxkbcommon-dev libvulkan-dev
  nlohmann-json3-dev libspdlog-dev libssl-dev libsimdjson-dev libsodium-dev libboost-dev
)
# What the app needs at run time beyond the libraries: the Secret Service for the
# keychain, and fonts that cover Chinese.
MEMEDESK_RUN_PACKAGES=(libsecret-1-0 gnome-keyring dbus fonts-noto-cjk fonts-dejavu-core)
# What the test suite needs: a real X server, a private D-Bus session, and curl, openssl and wrk
# for the REST API tests and benchmark.
MEMEDESK_TEST_PACKAGES=(xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools curl openssl wrk)

# What scripts/package needs to make and check the installers, and the package test (a Debian root
# made with debootstrap).
MEMEDESK_PACKAGE_PACKAGES=(dpkg-dev file rpm lintian desktop-file-utils appstream-util debootstrap)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the listed Debian packages that are not installed yet.
ensure_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    log "missing packages (${missing[*]}) and no apt-get: install them with your package manager"
    return 1
  fi
  log "installing: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Configures $1 (Release, Ninja) and builds target $2 ("all" for everything).
# Extra CMake arguments follow.
configure_and_build() {
  local build_dir="$1" target="$2"; shift 2
  local jobs
  jobs="$(nproc 2>/dev/null || echo 2)"
  log "configuring in ${build_dir}"
  cmake -G Ninja -S "$MEMEDESK_ROOT" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
  log "building ${target} with ${jobs} jobs"
  cmake --build "$build_dir" -j "$jobs" --target "$target"
}
