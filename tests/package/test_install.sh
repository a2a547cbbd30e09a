#!/usr/bin/env bash
# The installer on a clean Debian 12: makes the packages (scripts/package), creates a minimal
# Debian root with debootstrap from the archive this machine's apt sources name (kept between runs
# in build/chroot-cache), installs the .deb there with apt-get so its dependencies resolve from the
# archive, then runs `memedesk --version`, a 20-second headless demo session that must produce fills,
# and the window under Xvfb with a screenshot; removing the package leaves the user's data alone; an
# upgrade from an earlier package keeps an older journal and migrates it.
# Needs root (chroot, mounts). Usage: test_install.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
SOURCE_DIR="$1"
BUILD_DIR="$2"
OUT="$BUILD_DIR/test-output"
CACHE="${MEMEDESK_CHROOT_CACHE:-$SOURCE_DIR/build/chroot-cache}"
ROOT="$BUILD_DIR/package-test/root"
say() { printf '[package test] %s\n' "$*"; }
fail() { say "FAIL: $*"; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "needs root for debootstrap and chroot (run scripts/test -L package as root)"
mkdir -p "$OUT" "$CACHE"

say "making the packages"
MEMEDESK_BUILD_DIR="$BUILD_DIR" bash "$SOURCE_DIR/scripts/package" >"$OUT/package.log" 2>&1 || { tail -30 "$OUT/package.log"; fail "scripts/package"; }
DEB="$(ls "$BUILD_DIR"/dist/memedesk_*.deb | head -1)"
[ -f "$DEB" ] || fail "no .deb made"

# The archive this machine installs from (deb822 sources first, then the one-line format).
MIRROR="$(grep -h '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -1 || true)"
[ -n "$MIRROR" ] || MIRROR="$(grep -h '^deb ' /etc/apt/sources.list 2>/dev/null | grep -v security | awk '{print $2}' | head -1 || true)"
[ -n "$MIRROR" ] || MIRROR="http://deb.debian.org/debian"

cleanup() {
  for m in dev/pts dev proc sys; do
    mountpoint -q "$ROOT/$m" 2>/dev/null && umount -l "$ROOT/$m" || true
  done
}
trap cleanup EXIT
cleanup
rm -rf "$BUILD_DIR/package-test"
mkdir -p "$ROOT"
if [ -f "$CACHE/bookworm-minbase.tar" ]; then
  say "Debian 12 root from the cache"
  tar -xf "$CACHE/bookworm-minbase.tar" -C "$ROOT"
else
  say "debootstrap --variant=minbase bookworm from $MIRROR"
  debootstrap --variant=minbase bookworm "$ROOT" "$MIRROR" >"$OUT/debootstrap.log" 2>&1 || { tail -20 "$OUT/debootstrap.log"; fail "debootstrap"; }
  tar -cf "$CACHE/bookworm-minbase.tar.part" -C "$ROOT" . && mv "$CACHE/bookworm-minbase.tar.part" "$CACHE/bookworm-minbase.tar"
fi
# The same suites as the host (updates, security), so the dependencies resolve as they would there.
if ls /etc/apt/sources.list.d/*.sources >/dev/null 2>&1; then
  cp /etc/apt/sources.list.d/*.sources "$ROOT/etc/apt/sources.list.d/"
  rm -f "$ROOT/etc/apt/sources.list"
fi
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
mount -t proc proc "$ROOT/proc"
mount -t sysfs sys "$ROOT/sys"
mount --bind /dev "$ROOT/dev"
mount --bind /dev/pts "$ROOT/dev/pts"
in_root() { chroot "$ROOT" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

say "apt-get install ./$(basename "$DEB")"
cp "$DEB" "$ROOT/tmp/"
in_root apt-get update -qq >"$OUT/apt.log" 2>&1 || { tail -20 "$OUT/apt.log"; fail "apt-get update"; }
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$DEB")" >>"$OUT/apt.log" 2>&1 \
  || { tail -30 "$OUT/apt.log"; fail "apt-get install of the package"; }

say "memedesk --version"
VERSION="$(in_root memedesk --version)"
echo "$VERSION"
case "$VERSION" in memedesk\ [0-9]*) ;; *) fail "unexpected --version output: $VERSION" ;; esac

say "a 20-second headless demo session"
in_root memedesk --headless --exit-after 20 --speed 100 --status-interval 5 --data-dir /root/memedesk-data >"$OUT/chroot-headless.log" 2>&1 \
  || { cat "$OUT/chroot-headless.log"; fail "the headless session did not end cleanly"; }
FILLS="$(grep -o 'fills [0-9]*' "$OUT/chroot-headless.log" | awk '{print $2}' | sort -n | tail -1)"
[ "${FILLS:-0}" -ge 1 ] || { cat "$OUT/chroot-headless.log"; fail "no fills in 20 seconds"; }
say "fills: $FILLS"
[ -f "$ROOT/root/memedesk-data/memedesk.sqlite" ] || fail "no journal written"

say "the window under Xvfb"
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends xvfb xauth fonts-dejavu-core >>"$OUT/apt.log" 2>&1 \
  || { tail -20 "$OUT/apt.log"; fail "installing Xvfb in the root"; }
in_root xvfb-run -a -s "-screen 0 1440x900x24" memedesk --exit-after 25 --speed 100 --data-dir /root/gui-data \
  --screenshot /tmp/chroot-window.png >"$OUT/chroot-window.log" 2>&1 || { cat "$OUT/chroot-window.log"; fail "the window did not run"; }
[ -s "$ROOT/tmp/chroot-window.png" ] || fail "no screenshot"
cp "$ROOT/tmp/chroot-window.png" "$OUT/screenshot-installed-deb.png"

say "removing the package keeps the user's data"
in_root apt-get remove -y -qq memedesk >>"$OUT/apt.log" 2>&1 || fail "apt-get remove"
in_root sh -c 'command -v memedesk' >/dev/null 2>&1 && fail "memedesk still installed"
[ -f "$ROOT/root/memedesk-data/memedesk.sqlite" ] || fail "removing the package took the journal"
[ -f "$ROOT/root/gui-data/memedesk.sqlite" ] || fail "removing the package took the window's journal"

say "upgrading from an earlier package keeps the journal and migrates it"
# The earlier package: this build under a lower version number (there is no published release to
# download yet), and a journal as Memedesk wrote it before the candle journal (schema 5): made from
# the same numbered migration scripts an older Memedesk applied, with its demo seed set to 7.
(cd "$BUILD_DIR" && cpack -G DEB -D CPACK_PACKAGE_VERSION=0.0.9 -D CPACK_PACKAGE_DIRECTORY="$BUILD_DIR/package-test/previous" >/dev/null 2>&1) \
  || fail "could not make the earlier package"
PREV="$(ls "$BUILD_DIR"/package-test/previous/memedesk_0.0.9_*.deb | head -1)"
cp "$PREV" "$ROOT/tmp/"
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$PREV")" >>"$OUT/apt.log" 2>&1 \
  || fail "installing the earlier package"
[ "$(in_root dpkg-query -W -f='${Version}' memedesk)" = "0.0.9" ] || fail "the earlier package is not the installed one"
mkdir -p "$ROOT/root/upgrade-data"
python3 - "$SOURCE_DIR/resources/sql" "$ROOT/root/upgrade-data/memedesk.sqlite" <<'PY'
import pathlib, sqlite3, sys, time
scripts = sorted(pathlib.Path(sys.argv[1]).glob("00[1-5]_*.sql"))
db = sqlite3.connect(sys.argv[2])
db.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms INTEGER NOT NULL)")
for script in scripts:
    db.executescript(script.read_text())
    db.execute("INSERT INTO schema_version VALUES (?, ?, ?)", (int(script.name[:3]), script.name, int(time.time() * 1000)))
db.execute("INSERT INTO settings (key, value) VALUES ('demo.seed', '7')")
db.commit()
PY
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$DEB")" >>"$OUT/apt.log" 2>&1 \
  || fail "upgrading to the new package"
NEW_VERSION="$(in_root dpkg-query -W -f='${Version}' memedesk)"
[ "$NEW_VERSION" != "0.0.9" ] || fail "the upgrade did not replace the earlier package"
in_root memedesk --headless --exit-after 12 --speed 100 --status-interval 4 --data-dir /root/upgrade-data >"$OUT/chroot-upgrade.log" 2>&1 \
  || { cat "$OUT/chroot-upgrade.log"; fail "the upgraded app did not run on the old journal"; }
SCHEMA="$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT MAX(version) FROM schema_version").fetchone()[0])' "$ROOT/root/upgrade-data/memedesk.sqlite")"
[ "$SCHEMA" = "6" ] || fail "the journal was not migrated (schema $SCHEMA)"
grep -q "demo market seed 7" "$ROOT/root/upgrade-data/memedesk.log" || fail "the journal's settings were not kept (seed 7)"
say "upgraded 0.0.9 -> $NEW_VERSION: journal migrated from schema 5 to $SCHEMA, its settings kept"

say "PASS: installed, ran headless ($FILLS fills) and windowed, removed, upgraded; screenshot in $OUT/screenshot-installed-deb.png"
