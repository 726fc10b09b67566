#!/bin/sh
# Runs before `npm test`: the end-to-end test drives the Agents Playground in Debian's
# Chromium. Installs it when missing and we may (root or passwordless sudo); otherwise
# says exactly what to run. Never downloads a browser of its own.
set -e
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo"; else
  echo "policybot tests need Debian's Chromium: run  sudo apt-get install -y chromium  and try again" >&2
  exit 1
fi
echo "installing Debian's chromium for the end-to-end test ..." >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version >&2
