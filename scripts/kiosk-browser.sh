#!/usr/bin/env bash
# Browser-mode kiosk, for kiosk PCs without Electron (docs/kiosk-lockdown.md): starts the web host
# (main/host/web-main.ts) and shows its page in Chromium's kiosk mode. Chromium is started again
# whenever it exits (Alt+F4, Ctrl+W, a crash), with a fresh, throw-away profile each time; the web
# host is started again if it dies (with a new launch token, so Chromium too).
#
# Usage: scripts/kiosk-browser.sh [--data-dir DIR] [--chromium PATH] [--node PATH] [--once]
#                                 [-- EXTRA-CHROMIUM-FLAGS...]
#   --data-dir DIR   the kiosk's data directory (default: web-main.ts's default for this user)
#   --chromium PATH  the browser (default: chromium, chromium-browser, google-chrome on PATH)
#   --node PATH      Node 24 (default: node on PATH)
#   --once           do not restart Chromium when it exits: stop everything (for trying it out)
# Run it inside the kiosk user's graphical session; SIGTERM or SIGINT stops Chromium and the host.
# It refuses to run as root (Chromium's sandbox would be off) unless BHXH_KIOSK_ALLOW_ROOT=1.
set -euo pipefail

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
data_dir=''
chromium=''
node=node
once=false
extra_flags=()

log() {
  printf 'kiosk-browser: %s\n' "$*" >&2
}

usage() {
  sed -n '7,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

while (($# > 0)); do
  case $1 in
    --data-dir) data_dir=${2:?--data-dir needs a directory}; shift 2 ;;
    --data-dir=*) data_dir=${1#*=}; shift ;;
    --chromium) chromium=${2:?--chromium needs a path}; shift 2 ;;
    --chromium=*) chromium=${1#*=}; shift ;;
    --node) node=${2:?--node needs a path}; shift 2 ;;
    --node=*) node=${1#*=}; shift ;;
    --once) once=true; shift ;;
    -h | --help) usage; exit 0 ;;
    --) shift; extra_flags=("$@"); break ;;
    *) log "unknown argument: $1"; usage >&2; exit 64 ;;
  esac
done

if [[ -z $chromium ]]; then
  for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$candidate" >/dev/null; then
      chromium=$(command -v "$candidate")
      break
    fi
  done
fi
if [[ -z $chromium ]]; then
  log 'no Chromium found: install it (apt-get install chromium) or pass --chromium PATH'
  exit 69
fi
if ! command -v "$node" >/dev/null; then
  log "Node not found ($node): pass --node PATH"
  exit 69
fi
if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
  log 'no graphical session (DISPLAY or WAYLAND_DISPLAY): start this in the kiosk user session'
  exit 69
fi
if [[ ! -f $root/dist/renderer/index.html ]]; then
  log "the renderer is not built ($root/dist/renderer): run npm run build"
  exit 69
fi

sandbox_flags=()
if ((EUID == 0)); then
  if [[ ${BHXH_KIOSK_ALLOW_ROOT:-} != 1 ]]; then
    log 'refusing to run as root: a public browser needs its sandbox (use a kiosk user)'
    exit 77
  fi
  log 'running as root without the Chromium sandbox: for testing only'
  sandbox_flags=(--no-sandbox)
fi

# Developer tools cannot be switched off by a flag, only by a policy (docs/kiosk-lockdown.md).
if ! grep -qs '"DeveloperToolsAvailability"' /etc/chromium/policies/managed/*.json \
  /etc/opt/chrome/policies/managed/*.json; then
  log 'warning: no managed Chromium policy sets DeveloperToolsAvailability; F12 opens developer tools'
fi

# Under $XDG_RUNTIME_DIR (a tmpfs only this user can read) when there is one: the launch token
# and Chromium's profile live here.
run_dir=$(mktemp -d "${XDG_RUNTIME_DIR:-${TMPDIR:-/tmp}}/bhxh-kiosk.XXXXXXXX")
host_pid=''
browser_pid=''

stop_process() {
  local pid=$1
  [[ -n $pid ]] || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in {1..50}; do
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid" 2>/dev/null || true
      return 0
    fi
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  trap - TERM INT HUP
  stop_process "$browser_pid"
  stop_process "$host_pid"
  rm -rf -- "$run_dir"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT
trap 'exit 129' HUP

# A sleep that a signal interrupts (bash runs traps only between foreground commands).
pause() {
  sleep "$1" &
  wait $! || true
}

alive() {
  [[ -n $1 ]] && kill -0 "$1" 2>/dev/null
}

url=''
start_host() {
  local args=(--port 0)
  [[ -z $data_dir ]] || args+=(--data-dir "$data_dir")
  : >"$run_dir/host-url"
  "$node" "$root/main/host/web-main.ts" "${args[@]}" >"$run_dir/host-url" &
  host_pid=$!
  local deadline=$((SECONDS + 60))
  while ((SECONDS < deadline)) && alive "$host_pid"; do
    url=$(grep -m1 -E '^http://127\.0\.0\.1:[0-9]+/\?token=[A-Za-z0-9_-]+$' "$run_dir/host-url" || true)
    [[ -z $url ]] || return 0
    pause 0.2
  done
  log 'the web host did not print its address'
  stop_process "$host_pid"
  host_pid=''
  return 1
}

# A new profile for every start: nothing a citizen did survives a restart (with --incognito,
# nothing of the page reaches the disk at all). The preferences switch off what would offer to
# remember or translate anything; flags cannot.
fresh_profile() {
  local profile
  profile=$(mktemp -d "$run_dir/profile.XXXXXXXX")
  mkdir -- "$profile/Default"
  cat >"$profile/Default/Preferences" <<'JSON'
{
  "credentials_enable_service": false,
  "credentials_enable_autosignin": false,
  "autofill": { "profile_enabled": false, "credit_card_enabled": false },
  "translate": { "enabled": false }
}
JSON
  printf '%s\n' "$profile"
}

run_browser() {
  local profile=$1
  # Each flag is explained in docs/kiosk-lockdown.md ("Browser mode").
  local flags=(
    --kiosk
    "--app=$url"
    "--user-data-dir=$profile"
    --incognito
    --no-first-run
    --no-default-browser-check
    --noerrdialogs
    --hide-crash-restore-bubble
    --disable-pinch
    --overscroll-history-navigation=0
    --kiosk-printing
    --password-store=basic
    --disable-sync
    --disable-background-networking
    --disable-component-update
    --auto-accept-camera-and-microphone-capture
    "${sandbox_flags[@]}"
    "${extra_flags[@]}"
  )
  "$chromium" "${flags[@]}" >/dev/null 2>&1 &
  browser_pid=$!
}

delay=1
while true; do
  if ! start_host; then
    pause 10
    continue
  fi
  log "web host ready; starting $chromium"
  while [[ -n $host_pid ]]; do
    profile=$(fresh_profile)
    started=$SECONDS
    run_browser "$profile"
    finished=''
    status=0
    wait -n -p finished "$browser_pid" "$host_pid" || status=$?
    if [[ $finished == "$host_pid" ]]; then
      log "the web host stopped (status $status); starting it again"
      host_pid=''
      stop_process "$browser_pid"
    else
      log "Chromium exited (status $status)"
    fi
    browser_pid=''
    rm -rf -- "$profile"
    if $once; then
      exit "$status"
    fi
    [[ -n $host_pid ]] || break
    # A browser that cannot start at all (no display, broken GPU) is not restarted in a tight loop.
    if ((SECONDS - started < 10)); then
      delay=$((delay < 30 ? delay * 2 : 60))
    else
      delay=1
    fi
    log "starting Chromium again in ${delay} s"
    pause "$delay"
  done
  if [[ -n $host_pid ]]; then
    wait "$host_pid" 2>/dev/null || true
    host_pid=''
  fi
  pause 2
done
