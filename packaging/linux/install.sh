#!/bin/sh
# Install Chorus for the current user (no root needed), or remove it again.
#
#   ./install.sh                          from inside an unpacked chorus-VERSION folder
#   ./install.sh chorus-VERSION-linux-x86_64.tar.gz
#   ./install.sh path/to/bundle-folder    a folder holding the `chorus` executable and _internal/
#   ./install.sh --uninstall              remove what an earlier install put in place
#   ~/.local/lib/chorus/uninstall.sh      the same, with the copy an install leaves behind
#
# Options: --prefix DIR (default ~/.local), --help.
#
# What goes where (with the default prefix):
#   ~/.local/lib/chorus/                                  the bundle (replaced on reinstall)
#   ~/.local/bin/chorus                                   a link to the bundle's executable
#   ~/.local/share/applications/org.chorusworkshops.Chorus.desktop
#   ~/.local/share/metainfo/org.chorusworkshops.Chorus.metainfo.xml
#   ~/.local/share/icons/hicolor/<size>/apps/org.chorusworkshops.Chorus.{png,svg}
# Your workshops (~/.local/share/Chorus) are never touched, not even by --uninstall.
set -eu

APP_ID=org.chorusworkshops.Chorus
HERE=$(cd "$(dirname "$0")" && pwd)
prefix="$HOME/.local"
action=install
if [ "$(basename "$0")" = uninstall.sh ]; then
    # The copy left in PREFIX/lib/chorus: it removes the install it belongs to.
    action=uninstall
    prefix=$(dirname "$(dirname "$HERE")")
fi
source_path=""

usage() {
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
}

while [ $# -gt 0 ]; do
    case "$1" in
        --uninstall) action=uninstall ;;
        --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }
                  prefix=$2; shift ;;
        --prefix=*) prefix=${1#--prefix=} ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
        *) source_path=$1 ;;
    esac
    shift
done

case "$prefix" in /*) ;; *) prefix="$(pwd)/$prefix" ;; esac
lib_dir="$prefix/lib/chorus"
bin_link="$prefix/bin/chorus"
share="$prefix/share"
desktop_file="$share/applications/$APP_ID.desktop"
metainfo_file="$share/metainfo/$APP_ID.metainfo.xml"
icon_root="$share/icons/hicolor"
icon_sizes="16x16 24x24 32x32 48x48 64x64 128x128 256x256 512x512"

refresh_menus() {
    # Desktops notice new entries on their own; these make it immediate where available.
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$share/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$icon_root/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$icon_root" 2>/dev/null || true
    fi
    return 0
}

uninstall() {
    removed=0
    for path in "$desktop_file" "$metainfo_file" "$icon_root/scalable/apps/$APP_ID.svg"; do
        [ -e "$path" ] && rm -f "$path" && removed=1
    done
    for size in $icon_sizes; do
        path="$icon_root/$size/apps/$APP_ID.png"
        [ -e "$path" ] && rm -f "$path" && removed=1
    done
    if [ -L "$bin_link" ] || [ -f "$bin_link" ]; then
        rm -f "$bin_link" && removed=1
    fi
    if [ -d "$lib_dir" ]; then
        rm -rf "$lib_dir" && removed=1
    fi
    refresh_menus
    if [ "$removed" -eq 1 ]; then
        echo "Chorus was removed from $prefix."
    else
        echo "Chorus was not installed in $prefix; nothing to remove."
    fi
    echo "Your workshops (the data folder, e.g. ~/.local/share/Chorus) were left as they are."
}

is_bundle() {
    [ -f "$1/chorus" ] && [ -x "$1/chorus" ] && [ -d "$1/_internal" ]
}

install_chorus() {
    workdir=""
    cleanup() {
        if [ -n "$workdir" ]; then rm -rf "$workdir"; fi
    }
    trap cleanup EXIT INT TERM

    if [ -z "$source_path" ]; then
        is_bundle "$HERE" || {
            echo "install.sh: give the Chorus .tar.gz or the bundle folder to install" >&2
            exit 2
        }
        source_path=$HERE
    fi
    if [ -f "$source_path" ]; then
        workdir=$(mktemp -d)
        tar -xzf "$source_path" -C "$workdir" || {
            echo "install.sh: could not unpack $source_path" >&2
            exit 1
        }
        bundle=""
        for candidate in "$workdir" "$workdir"/*; do
            if is_bundle "$candidate"; then bundle=$candidate; break; fi
        done
        [ -n "$bundle" ] || { echo "install.sh: no Chorus bundle in $source_path" >&2; exit 1; }
    elif is_bundle "$source_path"; then
        bundle=$(cd "$source_path" && pwd)
    else
        echo "install.sh: $source_path is neither a Chorus .tar.gz nor a bundle folder" >&2
        exit 1
    fi

    # The desktop entry and metadata travel in the archive (share/); from a source tree's
    # build they are beside this script.
    desktop_src="$bundle/share/applications/$APP_ID.desktop"
    [ -f "$desktop_src" ] || desktop_src="$HERE/$APP_ID.desktop"
    metainfo_src="$bundle/share/metainfo/$APP_ID.metainfo.xml"
    [ -f "$metainfo_src" ] || metainfo_src="$HERE/$APP_ID.metainfo.xml"
    icons_src="$bundle/_internal/resources/icons/hicolor"
    for needed in "$desktop_src" "$metainfo_src" "$icons_src/scalable/apps/$APP_ID.svg"; do
        [ -f "$needed" ] || { echo "install.sh: missing $needed" >&2; exit 1; }
    done

    # The bundle: copied beside the old one, then swapped in, so a failed copy changes nothing.
    mkdir -p "$prefix/lib" "$prefix/bin" "$share/applications" "$share/metainfo"
    rm -rf "$lib_dir.new"
    cp -a "$bundle" "$lib_dir.new"
    rm -rf "$lib_dir.new/share" "$lib_dir.new/install.sh" "$lib_dir.new/INSTALL.txt"
    rm -rf "$lib_dir.old"
    [ -d "$lib_dir" ] && mv "$lib_dir" "$lib_dir.old"
    mv "$lib_dir.new" "$lib_dir"
    rm -rf "$lib_dir.old"
    cp "$0" "$lib_dir/uninstall.sh" 2>/dev/null || true
    chmod +x "$lib_dir/uninstall.sh" 2>/dev/null || true

    ln -sfn "$lib_dir/chorus" "$bin_link"

    # The menu entry runs the installed executable by its full path: ~/.local/bin is not on
    # every desktop session's PATH.
    exec_path=$lib_dir/chorus
    case "$exec_path" in *" "*) exec_value="\"$exec_path\"" ;; *) exec_value=$exec_path ;; esac
    sed -e "s|^Exec=.*|Exec=$exec_value|" -e "s|^TryExec=.*|TryExec=$exec_path|" \
        "$desktop_src" > "$desktop_file"
    cp "$metainfo_src" "$metainfo_file"

    mkdir -p "$icon_root/scalable/apps"
    cp "$icons_src/scalable/apps/$APP_ID.svg" "$icon_root/scalable/apps/"
    for size in $icon_sizes; do
        if [ -f "$icons_src/$size/apps/$APP_ID.png" ]; then
            mkdir -p "$icon_root/$size/apps"
            cp "$icons_src/$size/apps/$APP_ID.png" "$icon_root/$size/apps/"
        fi
    done
    refresh_menus

    version=$("$lib_dir/chorus" --version 2>/dev/null || echo "chorus (version unknown)")
    echo "Installed $version in $lib_dir."
    echo "Chorus is in your application menu; from a terminal, run: chorus"
    case ":$PATH:" in
        *":$prefix/bin:"*) ;;
        *) echo "Note: $prefix/bin is not on your PATH; run $bin_link, or add that folder to PATH." ;;
    esac
    echo "To remove it: $lib_dir/uninstall.sh"
}

if [ "$action" = uninstall ]; then
    uninstall
else
    install_chorus
fi
