# Picks a Java runtime >= 21 when JAVA_HOME is unset or older. Sourced by ./mvnw (the build runs
# jOOQ code generation and bnd inside Maven's JVM) and copied into the distribution as
# bin/pick-jdk.sh for bin/sharewise. Machines often default to an older JDK.
sharewise_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
sharewise_pick_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(sharewise_java_major "$JAVA_HOME")
    [ "${major:-0}" -ge 21 ] && return 0
  fi
  # ls instead of a glob: ./mvnw runs with globbing switched off (set -f).
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
      $(ls -d /usr/lib/jvm/*/ 2>/dev/null); do
    candidate=${candidate%/}
    [ -x "$candidate/bin/java" ] || continue
    major=$(sharewise_java_major "$candidate")
    if [ "${major:-0}" -ge 21 ]; then
      JAVA_HOME=$candidate
      export JAVA_HOME
      return 0
    fi
  done
  echo "ShareWise needs Java 21 or newer; set JAVA_HOME to one (none found in /usr/lib/jvm)." >&2
  exit 1
}
sharewise_pick_jdk
