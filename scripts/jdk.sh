# Sourced by ./refheap, ./test and the bench scripts: finds a JDK >= 25 and exports JAVA_HOME.
# Order: $JAVA_HOME if it is >= 25, then the usual install locations, then `java` on PATH.
# In the common case (a JDK whose `release` file says its version) this starts no process: it
# runs before every refheap command, so it uses the shell's own reads and tests only.
refheap_jdk_major() {  # sets REPLY to the major version of the JDK at $1, or to nothing
  local line
  REPLY=""
  # The JDK's release file says it without starting a JVM (which costs the launcher ~0.1 s).
  if [ -f "$1/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      if [[ $line =~ ^JAVA_VERSION=\"([0-9]+) ]]; then
        REPLY=${BASH_REMATCH[1]}
        return 0
      fi
    done <"$1/release" 2>/dev/null || true
  fi
  REPLY=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  REPLY=${REPLY%%.*}
}
refheap_jdk_ok() {  # succeeds when $1 is a JDK (java and javac) of version 25 or newer
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  refheap_jdk_major "$1"
  [ -n "$REPLY" ] && [ "$REPLY" -ge 25 ] 2>/dev/null
}
refheap_find_jdk() {  # sets REFHEAP_JDK
  local c java_on_path
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25* /usr/lib/jvm/java-25* /usr/lib/jvm/* \
           /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    if refheap_jdk_ok "$c"; then REFHEAP_JDK=$c; return 0; fi
  done
  # Last, the JDK of the `java` on PATH (found through its links: only now, it takes processes).
  java_on_path=$(command -v java 2>/dev/null) || return 1
  c=$(dirname "$(dirname "$(readlink -f "$java_on_path")")")
  if refheap_jdk_ok "$c"; then REFHEAP_JDK=$c; return 0; fi
  return 1
}
if ! refheap_find_jdk; then
  echo "refheap: needs a JDK 25 or newer (none found in \$JAVA_HOME, /usr/lib/jvm or on PATH); install one, e.g. Temurin 25, and set JAVA_HOME" >&2
  exit 1
fi
export JAVA_HOME="$REFHEAP_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
if ! command -v mvn >/dev/null 2>&1; then
  echo "refheap: needs Apache Maven (mvn) to build; install it, e.g. 'apt-get install maven'" >&2
  exit 1
fi
