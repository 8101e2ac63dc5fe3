// `policygraph graph …`: the graph queries from the command line.
//   graph neighbors ENTITY [--depth N] [filters]
//   graph path FROM TO [--max-hops N] [filters]
//   graph evidence SOURCE RELATION TARGET [--limit N]
//   graph matrix [--partners a,b] [--members c,d] [filters]
//   graph entities PREFIX [--limit N]
// Filters: --relation a,b  --type t,u  --from DATE  --to DATE  --min-weight N.
// Entities may be given by id ("china") or by any name ("Trung Quốc",
// "trung quoc").
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace policygraph::server {

class GraphCommands {
 public:
  // Adds the subcommands to `graph`; `data` is the data directory option
  // that RunCli owns (each subcommand gets its own --data for it).
  GraphCommands(CLI::App* graph, std::string* data);

  // After parsing: the exit code of the graph subcommand given, or nullopt
  // when none was.
  std::optional<int> Run() const;

 private:
  std::string* data_;
  CLI::App* neighbors_;
  CLI::App* path_;
  CLI::App* evidence_;
  CLI::App* matrix_;
  CLI::App* entities_;
  std::vector<std::string> args_;  // positional entity ids, names, relation, prefix
  int depth_ = 1;
  int max_hops_ = 4;
  size_t limit_ = 20;
  std::string relations_, types_, from_, to_, partners_, members_;
  unsigned min_weight_ = 1;
  bool as_json_ = false;
};

}  // namespace policygraph::server
