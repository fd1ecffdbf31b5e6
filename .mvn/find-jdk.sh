# Sourced by ./lab3, ./mvnw and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
#
# Order: $JAVA_HOME, the `java` on PATH, then /usr/lib/jvm/* (newest first).
# Many lab machines have Java 17 as the default `java`; this finds the newer one.
lab3_java_major() { # prints the feature version of the java binary $1, or 0
  lab3_read_java_major "$1"
  echo "$lab3_major"
}
lab3_read_java_major() { # sets lab3_major to the feature version of the java binary $1, or 0
  # A JDK's release file says its version. It is read by the shell itself: starting a JVM costs
  # 0.1-0.3 s, and each readlink, sed or grep another millisecond or two on every ./lab3 (which
  # calls this without a subshell). A symbolic link (java on the PATH) is resolved only when there
  # is no release file beside it; the JVM is asked only when there is none at all. POSIX sh:
  # ./mvnw runs this under /bin/sh.
  local java release line version
  release="${1%/bin/java}/release"
  if [ ! -f "$release" ]; then
    java=$(readlink -f "$1") || java=$1
    release="${java%/bin/java}/release"
  fi
  if [ -f "$release" ]; then
    while IFS= read -r line; do
      case $line in
        JAVA_VERSION=*)
          version=${line#JAVA_VERSION=\"}
          version=${version#1.}
          version=${version%%[!0-9]*}
          if [ -n "$version" ]; then
            lab3_major=$version
            return 0
          fi
          ;;
      esac
    done <"$release"
  fi
  lab3_major=$("$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1 | grep . || echo 0)
}
lab3_find_jdk() {
  local candidate
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] &&
     lab3_read_java_major "$JAVA_HOME/bin/java" && [ "$lab3_major" -ge 21 ]; then
    return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(readlink -f "$(command -v javac)")
    candidate=${candidate%/bin/javac}
    if lab3_read_java_major "$candidate/bin/java" && [ "$lab3_major" -ge 21 ]; then
      export JAVA_HOME="$candidate"; return 0
    fi
  fi
  for candidate in $(find /usr/lib/jvm -mindepth 1 -maxdepth 1 2>/dev/null | sort -rV); do
    candidate=${candidate%/}
    if [ -x "$candidate/bin/javac" ] && lab3_read_java_major "$candidate/bin/java" &&
       [ "$lab3_major" -ge 21 ]; then
      export JAVA_HOME="$candidate"; return 0
    fi
  done
  echo "lab3: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm); install one or set JAVA_HOME" >&2
  return 1
}
