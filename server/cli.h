// The `policygraph` command line: index, search, graph neighbors, serve.
// Exit codes: 0 success, 1 runtime error, 2 usage error.
#pragma once

namespace policygraph::server {

int RunCli(int argc, char** argv);

}  // namespace policygraph::server
