#!/usr/bin/env bash
# Builds libsre-pyparser.so, the fast Python parser (pyparser.c, docs/pyrules.md): tree-sitter's core and its
# Python grammar compiled with -O2 from their npm packages (versions and SHA-512 pinned below), linked with our
# JNI walker. Maven runs it in process-classes:
#
#   src/main/native/build.sh OUTPUT_DIR JAVA_HOME
#
# Optional by design: without gcc, curl or the npm registry it prints one line and exits 0, and the Python rules
# use the Java binding's bundled (slower) parser. The finished library is cached per user, keyed by the inputs,
# so a clean build neither downloads nor compiles again.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out_dir="${1:?output directory}"
java_home="${2:?JAVA_HOME}"

CORE_VERSION=0.25.0
CORE_SHA512='PGZZzFW63eElZJDe/b/R/LbsjDDYJa5UEjLZJB59RQsMX+fo0j54fqBPn1MGKav/QNa0JR0zBiVaikYDWCj5KQ=='
PYTHON_VERSION=0.23.4
PYTHON_SHA512='MbmUAl7y5UCUWqHscHke7DdRDwQnVNMNKQYQc4Gq2p09j+fgPxaU8JVsuOI/0HD3BSEEe5k9j3xmdtIWbDtDgw=='
REGISTRY="${NPM_REGISTRY:-https://registry.npmjs.org}"
# -DNDEBUG: a release build (tree-sitter's internal asserts out); -fno-semantic-interposition: tree-sitter's API
# functions call each other directly and inline within its unit (nothing outside this library may replace them:
# exports.map exports only the JNI entry points).
CFLAGS=(-O2 -fPIC -std=c11 -fvisibility=hidden -fno-semantic-interposition -DNDEBUG -D_DEFAULT_SOURCE)

skip() {
  # A library left from an earlier build would no longer match this source: better none than a stale one.
  rm -rf "$out_dir/native"
  echo "sre-review native parser not built ($1); Python rules will use the slower bundled parser" >&2
  exit 0
}

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x86_64 ;;
  Linux-aarch64) platform=linux-aarch64 ;;
  *) skip "no build for $(uname -s)-$(uname -m)" ;;
esac
target="$out_dir/native/$platform/libsre-pyparser.so"

command -v gcc >/dev/null 2>&1 || skip "gcc not found"
command -v sha256sum >/dev/null 2>&1 || skip "sha256sum not found"
[ -f "$java_home/include/jni.h" ] || skip "no jni.h under $java_home/include"

if [ -n "${SRE_REVIEW_NATIVE_CACHE:-}" ]; then
  cache="$SRE_REVIEW_NATIVE_CACHE"
elif [ -n "${XDG_CACHE_HOME:-}" ] || [ -n "${HOME:-}" ]; then
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/sre-review/native"
else
  cache="$out_dir/../native-cache" # no home directory (some CI sandboxes): cache beside the build
fi
key="$( { cat "$here/pyparser.c" "$here/arena.c" "$here/arena.h" "$here/atomic.h" "$here/exports.map" "$here/build.sh"; echo "$platform ${CFLAGS[*]} $(gcc -dumpfullversion 2>/dev/null)"; } \
  | sha256sum | cut -c1-16)"
cached="$cache/libsre-pyparser-$key.so"

install_lib() {
  mkdir -p "$(dirname "$target")" || skip "cannot create $(dirname "$target")"
  if ! cmp -s "$cached" "$target"; then
    cp -f "$cached" "$target.tmp" && mv -f "$target.tmp" "$target" || skip "cannot write $target"
  fi
  exit 0
}
[ -f "$cached" ] && install_lib

command -v curl >/dev/null 2>&1 || skip "curl not found"
mkdir -p "$cache" || skip "cannot create $cache"

# fetch NAME VERSION SHA512: the npm tarball, into the cache once, checked against its pinned digest
fetch() {
  local tgz="$cache/$1-$2.tgz"
  if [ ! -f "$tgz" ]; then
    # a part file per process: two first builds at once each download their own, then rename (atomic)
    if ! curl -fsSL --connect-timeout 10 --max-time 120 -o "$tgz.part.$$" "$REGISTRY/$1/-/$1-$2.tgz"; then
      rm -f "$tgz.part.$$"
      skip "could not download $1@$2 from $REGISTRY"
    fi
    mv -f "$tgz.part.$$" "$tgz"
  fi
  if [ "$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)" != "$3" ]; then
    rm -f "$tgz"
    skip "$1@$2 does not match its pinned SHA-512"
  fi
}
command -v openssl >/dev/null 2>&1 || skip "openssl not found"
fetch tree-sitter "$CORE_VERSION" "$CORE_SHA512"
fetch tree-sitter-python "$PYTHON_VERSION" "$PYTHON_SHA512"
core_tgz="$cache/tree-sitter-$CORE_VERSION.tgz"
python_tgz="$cache/tree-sitter-python-$PYTHON_VERSION.tgz"

work="$(mktemp -d "${TMPDIR:-/tmp}/sre-pyparser.XXXXXX")" || skip "no temp directory"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/core" "$work/python"
tar -xzf "$core_tgz" -C "$work/core" package/vendor/tree-sitter/lib || skip "cannot unpack tree-sitter@$CORE_VERSION"
tar -xzf "$python_tgz" -C "$work/python" package/src || skip "cannot unpack tree-sitter-python@$PYTHON_VERSION"
lib="$work/core/package/vendor/tree-sitter/lib"
py="$work/python/package/src"
# Our trees never cross threads: plain reference counts instead of locked ones (atomic.h says why).
cp -f "$here/atomic.h" "$lib/src/atomic.h" || skip "cannot patch tree-sitter's atomic.h"
inc=(-I"$lib/include" -I"$lib/src" -I"$py" -I"$java_home/include" -I"$java_home/include/linux")
# tree-sitter's units allocate through our arena (arena.h): its ts_malloc family mapped onto ours, declared by a
# forced include; its own allocator globals stay hidden inside this library.
ts_alloc=(-include "$here/arena.h" -Dts_malloc=sre_malloc -Dts_calloc=sre_calloc -Dts_realloc=sre_realloc
  -Dts_free=sre_free -DTREE_SITTER_HIDDEN_SYMBOLS)

# The grammar's tables are the slow file to compile: the three units build in parallel.
gcc "${CFLAGS[@]}" "${ts_alloc[@]}" "${inc[@]}" -c "$lib/src/lib.c" -o "$work/core.o" 2>"$work/core.log" & p1=$!
gcc "${CFLAGS[@]}" "${ts_alloc[@]}" "${inc[@]}" -c "$py/parser.c" -o "$work/parser.o" 2>"$work/parser.log" & p2=$!
gcc "${CFLAGS[@]}" "${ts_alloc[@]}" "${inc[@]}" -c "$py/scanner.c" -o "$work/scanner.o" 2>"$work/scanner.log" & p3=$!
gcc "${CFLAGS[@]}" "${ts_alloc[@]}" -Wall -Wextra -Werror "${inc[@]}" -c "$here/pyparser.c" -o "$work/pyparser.o" \
  2>"$work/pyparser.log" & p4=$! # the walk includes tree-sitter's internal headers: same allocator as they assume
gcc "${CFLAGS[@]}" -Wall -Wextra -Werror "${inc[@]}" -c "$here/arena.c" -o "$work/arena.o" 2>"$work/arena.log" & p5=$!
ok=1
for p in $p1 $p2 $p3 $p4 $p5; do wait "$p" || ok=0; done
if [ "$ok" != 1 ]; then
  cat "$work"/*.log >&2
  skip "compilation failed"
fi
gcc -shared -o "$work/libsre-pyparser.so" "$work"/{core,parser,scanner,pyparser,arena}.o -Wl,-z,noexecstack -Wl,--version-script="$here/exports.map" -s \
  || skip "link failed"
mv -f "$work/libsre-pyparser.so" "$cached.$$" && mv -f "$cached.$$" "$cached" || skip "cannot write $cached"
echo "sre-review native parser built: tree-sitter $CORE_VERSION + tree-sitter-python $PYTHON_VERSION ($platform)" >&2
install_lib
