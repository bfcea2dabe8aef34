#!/usr/bin/env bash
# Installs the Debian packages tinyrv needs that are missing, and nothing else.
# Usage: scripts/install-deps.sh   (run as root; CI and fresh machines)
set -euo pipefail
packages=(libelf-dev gcc-riscv64-linux-gnu qemu-user)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
