#!/bin/sh
# Put GridWorker in this user's applications menu and on the desktop (no root needed).
# Run it from the unpacked GridWorker folder: ./install-shortcut.sh
# Run it again after moving the folder; remove the shortcut with: ./install-shortcut.sh --remove
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
apps="$data/applications"
icons="$data/icons/hicolor"
desktop_dir=$(xdg-user-dir DESKTOP 2>/dev/null || echo "$HOME/Desktop")
sizes="16 24 32 48 64 128 256 512"

if [ "${1:-}" = "--remove" ]; then
  rm -f "$apps/gridworker.desktop" "$desktop_dir/gridworker.desktop"
  for s in $sizes; do rm -f "$icons/${s}x${s}/apps/gridworker.png"; done
  echo "GridWorker shortcut removed (your data is kept)."
  exit 0
fi

[ -x "$here/GridWorker" ] || { echo "GridWorker program not found next to this script ($here)." >&2; exit 1; }
mkdir -p "$apps"
for s in $sizes; do
  mkdir -p "$icons/${s}x${s}/apps"
  cp "$here/_internal/gridworker/resources/icons/gridworker-$s.png" "$icons/${s}x${s}/apps/gridworker.png"
done
# Exec needs the full path, quoted in case a folder name has spaces.
sed "s|^Exec=@EXEC@\$|Exec=\"$here/GridWorker\"|" "$here/gridworker.desktop" > "$apps/gridworker.desktop"
chmod 755 "$apps/gridworker.desktop"
where="the applications menu"
if [ -d "$desktop_dir" ]; then
  where="the applications menu and the desktop"
  cp "$apps/gridworker.desktop" "$desktop_dir/gridworker.desktop"
  chmod 755 "$desktop_dir/gridworker.desktop"
  # GNOME asks before starting a desktop launcher it does not trust yet.
  gio set "$desktop_dir/gridworker.desktop" metadata::trusted true 2>/dev/null || true
fi
update-desktop-database "$apps" 2>/dev/null || true
gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true
echo "GridWorker added to $where: $here/GridWorker"
