#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu): the pinned
# JDK, Temurin 25 from Adoptium's signed apt repository (the lab network needs JDK 22 or newer;
# Ubuntu's own packages stop at 21), Python 3 with websocket-client for Python hand-ins, and
# iproute2 for the bench's network namespaces where the container allows them.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq wget gpg ca-certificates python3 python3-websocket iproute2 >/dev/null
install -d -m 0755 /etc/apt/keyrings
wget -qO- https://packages.adoptium.net/artifactory/api/gpg/key/public |
  gpg --dearmor >/etc/apt/keyrings/adoptium.gpg
echo "deb [signed-by=/etc/apt/keyrings/adoptium.gpg] https://packages.adoptium.net/artifactory/deb $(. /etc/os-release && echo "$VERSION_CODENAME") main" \
  >/etc/apt/sources.list.d/adoptium.list
apt-get update -qq
apt-get install -y -qq temurin-25-jdk >/dev/null
# The bench starts on it (a broken image fails here, at upload, not at the first submission).
. /autograder/source/bench.sh
"$(lab3_java)" -cp '/autograder/source/lib/*' lab3.apps.Main grade --help >/dev/null
