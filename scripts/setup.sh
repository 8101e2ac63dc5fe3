# Shared set-up for run.sh and test.sh: install the Debian packages that are
# missing, then configure and build. Sourced, not run.

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
)

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
  echo "==> installing missing packages: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo="sudo"
    else
      echo "error: packages missing (${missing[*]}) and not running as root; install them with apt-get" >&2
      return 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# build_policygraph BUILD_TYPE TESTS(ON|OFF)
build_policygraph() {
  local build_type="$1" tests="$2"
  echo "==> configuring (${build_type}, tests ${tests}) in build/"
  cmake -S . -B build -DCMAKE_BUILD_TYPE="$build_type" -DPOLICYGRAPH_BUILD_TESTS="$tests" >/dev/null
  echo "==> building"
  cmake --build build -j"${POLICYGRAPH_JOBS:-2}"
}
