#include "tests/support/test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <random>
#include <stdexcept>

namespace policygraph::testing {

namespace fs = std::filesystem;

TempDir::TempDir() {
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path p = fs::temp_directory_path() /
                 ("policygraph-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
    if (fs::create_directory(p)) {
      path_ = p;
      return;
    }
  }
  throw std::runtime_error("cannot create a temp directory");
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

fs::path SourceDir() { return POLICYGRAPH_SOURCE_DIR; }
fs::path FixturesDir() { return SourceDir() / "tests" / "fixtures"; }

std::optional<fs::path> SharedDir() {
  fs::path shared = SourceDir().parent_path() / "shared";
  if (fs::is_directory(shared / "corpus")) return shared;
  return std::nullopt;
}

namespace {
std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out.push_back(c);
    }
  }
  return out + "'";
}
}  // namespace

std::string PolicygraphBinary() { return POLICYGRAPH_BINARY; }

CommandResult RunPolicygraph(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  // `env NAME=value …` rather than setenv(): the test process may have
  // other threads (a server) reading its environment.
  std::string cmd;
  if (!env.empty()) {
    cmd = "env";
    for (const auto& e : env) cmd += ' ' + ShellQuote(e);
    cmd += ' ';
  }
  cmd += ShellQuote(POLICYGRAPH_BINARY);
  for (const auto& a : args) {
    cmd += ' ';
    cmd += ShellQuote(a);
  }
  cmd += " 2>&1";
  CommandResult result;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) result.out.append(buf.data(), n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

void WriteFile(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

}  // namespace policygraph::testing
