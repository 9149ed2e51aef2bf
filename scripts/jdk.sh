# Sourced by ./refheap, ./test and the bench scripts: finds a JDK >= 25 and exports JAVA_HOME.
# Order: $JAVA_HOME if it is >= 25, then the usual install locations, then `java` on PATH.
refheap_jdk_major() {  # prints the major version of the JDK at $1, or nothing
  local v=""
  # The JDK's release file says it without starting a JVM (which costs the launcher ~0.1 s).
  [ -f "$1/release" ] && v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -1)
  [ -n "$v" ] || v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  echo "${v%%.*}"
}
refheap_find_jdk() {
  local c m
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25* /usr/lib/jvm/java-25* /usr/lib/jvm/* \
           /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
           "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$c" ] && [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    m=$(refheap_jdk_major "$c")
    if [ -n "$m" ] && [ "$m" -ge 25 ] 2>/dev/null; then echo "$c"; return 0; fi
  done
  return 1
}
if ! REFHEAP_JDK=$(refheap_find_jdk); then
  echo "refheap: needs a JDK 25 or newer (none found in \$JAVA_HOME, /usr/lib/jvm or on PATH); install one, e.g. Temurin 25, and set JAVA_HOME" >&2
  exit 1
fi
export JAVA_HOME="$REFHEAP_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
if ! command -v mvn >/dev/null 2>&1; then
  echo "refheap: needs Apache Maven (mvn) to build; install it, e.g. 'apt-get install maven'" >&2
  exit 1
fi
