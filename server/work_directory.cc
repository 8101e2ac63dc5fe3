#include "server/work_directory.h"

#include <stdlib.h>

namespace policygraph::server {

namespace fs = std::filesystem;

Status WorkDirectory::Open(const std::string& given) {
  std::error_code ec;
  if (!given.empty()) {
    fs::create_directories(given, ec);
    if (ec) return Status::IOError("cannot create work directory " + given + ": " + ec.message());
    path_ = given;
    return Status::OK();
  }
  std::string pattern = (fs::temp_directory_path(ec) / "policygraph-eval-XXXXXX").string();
  if (ec || mkdtemp(pattern.data()) == nullptr) {
    return Status::IOError("cannot create a temporary work directory");
  }
  path_ = pattern;
  temporary_ = true;
  return Status::OK();
}

}  // namespace policygraph::server
