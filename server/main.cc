// policygraph: see cli.cc for the commands.
#include "server/cli.h"

int main(int argc, char** argv) { return policygraph::server::RunCli(argc, argv); }
