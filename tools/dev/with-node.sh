#!/usr/bin/env bash
# Runs a command under another Node.js release, taken from the npm registry's node-linux-<arch>
# package (the registry is all a CI machine may reach), so the supported majors can be checked
# on one machine:  tools/dev/with-node.sh 22.23.5 ./switchboard test
set -euo pipefail
if [[ $# -lt 2 ]]; then
  echo "usage: $0 NODE_VERSION COMMAND [ARGS...]" >&2
  exit 2
fi
version="$1"
shift
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *)
    echo "with-node: no node-linux package for $(uname -m)" >&2
    exit 2
    ;;
esac
dir="${TMPDIR:-/tmp}/switchboard-node-$version-$arch"
if [[ ! -x $dir/package/bin/node ]]; then
  mkdir -p "$dir"
  (cd "$dir" && npm pack --silent "node-linux-$arch@$version" >/dev/null && tar xzf "node-linux-$arch-$version.tgz")
fi
export PATH="$dir/package/bin:$PATH"
echo "[with-node] $(node --version)" >&2
exec "$@"
