#!/usr/bin/env bash
# Checks that the jlinked runtime holds every JDK module the shipped jars need.
# Non-modular jars: `jdeps --print-module-deps`; modular jars: their `requires` (static ones too:
# logback's optional JNDI support, for example, is used by its configurator at start).
# usage: installer/src/test/check-modules.sh [installer/target]   (after -Pinstaller package)
set -euo pipefail
target="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/target}"
jdk="${VIGIA_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
runtime="$target/runtime"
[ -x "$runtime/bin/java" ] || { echo "no runtime at $runtime: build with -Pinstaller first" >&2; exit 2; }
have=$("$runtime/bin/java" --list-modules | sed 's/@.*//' | sort -u)
cp=$(ls "$target"/input/*.jar "$target"/javafx/*.jar | tr '\n' :)
need=""
for jar in "$target"/input/*.jar; do
  if "$jdk/bin/jar" --describe-module --file "$jar" --release 25 2>/dev/null | grep -q 'module-info.class'; then
    mods=$("$jdk/bin/jar" --describe-module --file "$jar" --release 25 | awk '$1=="requires"{print $2}' | grep -E '^(java|jdk)\.' || true)
  else
    mods=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 25 --class-path "$cp" "$jar" 2>/dev/null | tail -1 | tr ',' '\n' | grep -E '^(java|jdk)\.' || true)
  fi
  for m in $mods; do
    if ! grep -qx "$m" <<<"$have"; then echo "MISSING $m (needed by $(basename "$jar"))"; need="$need $m"; fi
  done
done
if [ -n "$need" ]; then echo "check-modules: FAIL, add to vigia.runtime.modules in installer/pom.xml:$need"; exit 1; fi
echo "check-modules: OK, the runtime ($(wc -l <<<"$have") modules) covers every shipped jar"
