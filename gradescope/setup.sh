#!/usr/bin/env bash
# Gradescope's setup step (runs once when the autograder image is built): a JDK, Python with
# websocket-client for Python hand-ins, iproute2 for the bench's network namespace, then lab3.jar.
set -euo pipefail
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-21-jdk-headless python3 python3-websocket iproute2 >/dev/null
cd /autograder/source && ./lab3 --help >/dev/null
