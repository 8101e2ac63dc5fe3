#include "server/cli_common.h"

#include <iostream>

namespace policygraph::server {

int Fail(const std::string& message, int code) {
  std::cerr << "policygraph: " << message << "\n";
  return code;
}

int FailStatus(const Status& s) { return Fail(s.message(), s.IsInvalidArgument() ? kExitUsage : kExitRuntime); }

}  // namespace policygraph::server
