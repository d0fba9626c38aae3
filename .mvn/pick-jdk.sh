# Sourced by ./mvnw: ShareWise builds at the Java 21 language level and needs a JDK >= 21 to run
# Maven itself (jOOQ code generation and bnd run inside Maven's JVM). Machines often default to
# an older JDK, so when JAVA_HOME is unset or too old we look for a newer one in the usual places.
sharewise_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
sharewise_pick_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(sharewise_java_major "$JAVA_HOME")
    [ "${major:-0}" -ge 21 ] && return 0
  fi
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(sharewise_java_major "$candidate")
    if [ "${major:-0}" -ge 21 ]; then
      JAVA_HOME=$candidate
      export JAVA_HOME
      return 0
    fi
  done
  echo "ShareWise needs a JDK 21 or newer; set JAVA_HOME to one (found none in /usr/lib/jvm)." >&2
  exit 1
}
sharewise_pick_jdk
