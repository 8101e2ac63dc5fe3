# Shared set-up for run.sh, test.sh and tests/fuzz/run.sh: install the Debian
# packages that are missing, then configure and build. Sourced, not run.

# Everything policygraph builds and runs with, from Debian bookworm.
POLICYGRAPH_PACKAGES=(
  build-essential cmake pkg-config git curl
  libxapian-dev xapian-tools
  libicu-dev
  librocksdb-dev rocksdb-tools
  libcpp-httplib-dev
  nlohmann-json3-dev
  libcli11-dev
  libgtest-dev libgmock-dev
  libsqlite3-dev
  libbenchmark-dev
  clang             # build-fuzz/: libFuzzer targets (tests/fuzz/) and the tests under ASan + UBSan
)

# apt_install PACKAGE...: installs them with apt-get (through sudo when not root).
apt_install() {
  echo "==> installing missing packages: $*"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo="sudo"
    else
      echo "error: packages missing ($*) and not running as root; install them with apt-get" >&2
      return 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "$@"
}

install_missing_packages() {
  local missing=()
  local pkg
  for pkg in "${POLICYGRAPH_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  apt_install "${missing[@]}"
}

# The web UI and its browser tests need Node.js with npm (for `npm ci`: Cytoscape.js, and
# playwright-core for the tests) and, for the tests only, Debian's Chromium. Node.js and npm
# are looked for as commands rather than as Debian packages: a Node.js from elsewhere
# (NodeSource's nodejs bundles npm and conflicts with Debian's npm package) serves as well,
# and asking apt for Debian's npm beside it would fail.
# install_web_tools [with-browser]
install_web_tools() {
  local missing=()
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  if [ "${1:-}" = with-browser ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
  if [ ${#missing[@]} -gt 0 ]; then
    apt_install "${missing[@]}" || return 1
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 20 ]; then
    echo "error: Node.js $(node --version) is too old; the web UI's packages need Node.js 20 or newer" >&2
    return 1
  fi
}

# `npm ci` from package-lock.json, again only when the lock file changed since the last one;
# its postinstall copies the browser's libraries into server/web/vendor/ (git-ignored).
install_node_modules() {
  local stamp=node_modules/.policygraph-lock.sha256 want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    if [ ! -f server/web/vendor/cytoscape.min.js ]; then npm run --silent vendor; fi
    return 0
  fi
  echo "==> installing the web UI's npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
}

# build_policygraph BUILD_TYPE TESTS(ON|OFF)
build_policygraph() {
  local build_type="$1" tests="$2"
  echo "==> configuring (${build_type}, tests ${tests}) in build/"
  cmake -S . -B build -DCMAKE_BUILD_TYPE="$build_type" -DPOLICYGRAPH_BUILD_TESTS="$tests" >/dev/null
  echo "==> building"
  cmake --build build -j"${POLICYGRAPH_JOBS:-2}"
}

# configure_sanitizer_tree: build-fuzz/, built with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer: the libFuzzer targets (tests/fuzz/run.sh) and the
# unit and integration tests (test.sh), which so share the libraries' objects.
configure_sanitizer_tree() {
  cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPOLICYGRAPH_SANITIZE=ON -DPOLICYGRAPH_BUILD_FUZZERS=ON -DPOLICYGRAPH_BUILD_TESTS=ON >/dev/null
}
