// What the command-line subcommands share: exit codes and error printing.
#pragma once

#include <string>

#include "graph/status.h"

namespace policygraph::server {

constexpr int kExitOk = 0;
constexpr int kExitRuntime = 1;
constexpr int kExitUsage = 2;

// Prints "policygraph: MESSAGE" to stderr and returns `code`.
int Fail(const std::string& message, int code = kExitRuntime);
// A usage error (bad argument value) vs a runtime one (missing index, I/O).
int FailStatus(const Status& s);

}  // namespace policygraph::server
