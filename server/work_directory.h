// A working directory for commands that build throwaway indexes (eval,
// eval-graph).
#pragma once

#include <filesystem>
#include <string>
#include <system_error>

#include "graph/status.h"

namespace policygraph::server {

// The work directory: the one given (kept), or a fresh temporary one that
// is removed when this goes out of scope, on every exit path.
class WorkDirectory {
 public:
  WorkDirectory() = default;
  WorkDirectory(const WorkDirectory&) = delete;
  WorkDirectory& operator=(const WorkDirectory&) = delete;
  ~WorkDirectory() {
    if (temporary_ && !path_.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(path_, ec);
    }
  }

  // `given` is created when missing and kept; "" makes a temporary one.
  Status Open(const std::string& given);
  const std::string& path() const { return path_; }
  bool temporary() const { return temporary_; }

 private:
  std::string path_;
  bool temporary_ = false;
};

}  // namespace policygraph::server
