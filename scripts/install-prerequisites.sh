#!/usr/bin/env bash
# Installs what the AppHost needs, only when missing. Idempotent.
#   --browser   also install chromium (end-to-end tests)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
browser=false
for arg in "$@"; do
  case "$arg" in
    --browser) browser=true ;;
    -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
    *) echo "Unknown option: $arg" >&2; exit 2 ;;
  esac
done

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

packages=()
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || packages+=(postgresql)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || packages+=(rabbitmq-server)
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
$browser && ! command -v chromium >/dev/null && packages+=(chromium)

if [ ${#packages[@]} -gt 0 ]; then
  echo "Installing: ${packages[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"
  # Without systemd nothing should have started, but a postinst may still spawn servers: the AppHost runs its own.
  for name in beam.smp epmd postgres; do
    pids="$(pgrep -u rabbitmq,postgres -x "$name" || true)"
    [ -z "$pids" ] || $sudo kill $pids || true
  done
fi

maildev="$repo/.tools/maildev"
if [ ! -f "$maildev/node_modules/maildev/dist/bin/maildev.js" ]; then
  echo "Installing MailDev into .tools/maildev"
  npm install --prefix "$maildev" maildev@3 --no-audit --no-fund --loglevel=error
fi

if [ -f "$repo/.config/dotnet-tools.json" ]; then
  (cd "$repo" && dotnet tool restore >/dev/null)
fi
