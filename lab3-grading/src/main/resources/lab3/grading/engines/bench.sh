# Sourced by each engine's entry script (run_autograder, autolab's run, prairielearn's run): finds
# the JDK and runs one job of the Lab3 bench (lab3.apps.engines.EngineRun) with the package's jars.
# The JDK: LAB3_JAVA_HOME if set (the package's tests give theirs), else the pinned Temurin 25 that
# setup.sh or the Dockerfile installs, else the image's JAVA_HOME. JDK 22 or newer: the lab network
# (netlab) calls the kernel through the foreign function API, final in 22.

lab3_java() {
  local home
  for home in "${LAB3_JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-* /opt/java/openjdk "${JAVA_HOME:-}"; do
    if [ -n "$home" ] && [ -x "$home/bin/java" ]; then
      echo "$home/bin/java"
      return 0
    fi
  done
  return 1
}

# lab3_engine <engine>: one job; the bench's exit status (125 if there is no JDK).
# The bench's own JVM is kept small (engines give a job about 768 MB for everything): a 256 MB heap,
# the serial collector, C1 only; the hand-in's programs run in processes of their own.
lab3_engine() {
  local java
  if ! java=$(lab3_java); then
    echo "lab3: no JDK found (LAB3_JAVA_HOME, /usr/lib/jvm/temurin-25-jdk-*, /opt/java/openjdk, JAVA_HOME)" >&2
    return 125
  fi
  "$java" -XX:+UseSerialGC -Xmx256m -XX:TieredStopAtLevel=1 -Xlog:disable -Xlog:all=warning:stderr \
    --enable-native-access=ALL-UNNAMED -Djdk.tls.rejectClientInitiatedRenegotiation=true \
    -cp "$LAB3_SOURCE/lib/*" lab3.apps.engines.EngineRun "$1"
}
