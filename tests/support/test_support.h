// Helpers shared by the test suites: temp directories, paths to the source
// tree and to ../shared, and running the policygraph binary.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace policygraph::testing {

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string str() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// The repository root (where CMakeLists.txt is).
std::filesystem::path SourceDir();
// tests/fixtures
std::filesystem::path FixturesDir();
// ../shared next to the repository, or nullopt where it is absent (a clone
// elsewhere); tests that need it then GTEST_SKIP with a message.
std::optional<std::filesystem::path> SharedDir();

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};
// The built policygraph binary's path.
std::string PolicygraphBinary();

// Runs the built policygraph binary with `args` (each shell-quoted) and,
// when given, extra environment variables ("NAME=value") for it alone.
CommandResult RunPolicygraph(const std::vector<std::string>& args, const std::vector<std::string>& env = {});

// Writes `content` to `path`, creating parent directories.
void WriteFile(const std::filesystem::path& path, const std::string& content);

}  // namespace policygraph::testing
