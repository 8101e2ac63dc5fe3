#include "server/cli.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

#include "graph/graph_store.h"
#include "graph/traversal.h"
#include "indexer/consistency.h"
#include "indexer/corpus_indexer.h"
#include "server/cli_common.h"
#include "server/eval_command.h"
#include "server/graph_commands.h"
#include "server/eval_graph.h"
#include "server/http_server.h"
#include "server/link_training.h"
#include "server/json_views.h"
#include "server/search_service.h"

#ifndef POLICYGRAPH_DEFAULT_WEB_DIR
#define POLICYGRAPH_DEFAULT_WEB_DIR ""
#endif
// The shipped link classifier, by the source tree's absolute path (as the
// web UI's files): `index` and `eval-graph` find it from any directory.
#ifndef POLICYGRAPH_DEFAULT_LINK_MODEL
#define POLICYGRAPH_DEFAULT_LINK_MODEL ""
#endif

namespace policygraph::server {

namespace fs = std::filesystem;

namespace {

// Ctrl-C or a SIGTERM during an index run: the first stops the run cleanly
// (IndexOptions::interrupted), leaving DATA as it was; a second one ends the
// process at once, which the stores also survive (corpus_indexer.h).
class IndexInterruption {
 public:
  IndexInterruption() {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    // Blocked here, before any indexing thread starts, so all inherit it
    // and only the waiter takes the signals.
    pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
    waiter_ = std::thread([this] {
      int sig = 0;
      sigwait(&signals_, &sig);
      if (done_) return;
      signal_ = sig;
      interrupted_ = true;
      std::cerr << "policygraph: " << (sig == SIGINT ? "interrupt" : "terminate")
                << " received: stopping unless every document is already analysed (the data directory then keeps"
                   " its previous state); again to stop at once"
                << std::endl;
      sigwait(&signals_, &sig);
      if (done_) return;
      // The default action, which blocking defers: the process ends here.
      std::signal(sig, SIG_DFL);
      pthread_sigmask(SIG_UNBLOCK, &signals_, nullptr);
      raise(sig);
    });
  }
  ~IndexInterruption() {
    done_ = true;
    pthread_kill(waiter_.native_handle(), SIGTERM);  // wakes whichever sigwait it is in
    waiter_.join();
    pthread_sigmask(SIG_UNBLOCK, &signals_, nullptr);
  }
  const std::atomic<bool>* flag() const { return &interrupted_; }
  // The shell's convention for a process a signal stopped: 128 + its number.
  int exit_code() const { return 128 + signal_; }
  bool interrupted() const { return interrupted_; }

 private:
  sigset_t signals_;
  std::atomic<bool> interrupted_{false};
  std::atomic<bool> done_{false};
  std::atomic<int> signal_{0};
  std::thread waiter_;
};

int RunIndex(const std::vector<std::string>& paths, indexer::IndexOptions options) {
  indexer::IndexReport report;
  IndexInterruption interruption;
  options.interrupted = interruption.flag();
  Status s = indexer::IndexCorpus(paths, options, &report, &std::cerr);
  if (!s.ok()) return Fail(s.message(), interruption.interrupted() ? interruption.exit_code() : kExitRuntime);
  std::cout << "indexed " << report.documents << " documents (" << report.total_documents
            << " in the index) as " << report.passages << " passages; " << report.entities
            << " entities (" << report.discovered << " discovered in the texts), " << report.concepts
            << " glossary concepts, " << report.mentions << " entity mentions, " << report.evidence
            << " link evidence sentences (" << report.typed_evidence << " for typed links), into "
            << options.data_dir << "\n";
  return kExitOk;
}

int RunSearch(const std::string& query, const std::string& data, size_t limit, size_t offset,
              bool by_document, bool as_json) {
  const std::string dir = (fs::path(data) / "search").string();
  Status index = SearchService::CheckIndex(dir);
  if (index.IsInvalidArgument()) return Fail(index.message());  // an index of another version
  if (!index.ok()) {
    return Fail("no index at " + data + " (run 'policygraph index PATH --data " + data + "' first)");
  }
  indexer::Analyzer analyzer;
  SearchService search(dir, analyzer);
  SearchResults results;
  Status s = search.Search({query, limit, offset, by_document}, &results);
  if (!s.ok()) return FailStatus(s);
  if (as_json) {
    std::cout << ToJson(results).dump(2) << "\n";
    return kExitOk;
  }
  std::cout << results.total << " result(s) for " << query << "\n";
  if (!results.did_you_mean.empty()) std::cout << "did you mean: " << results.did_you_mean << "\n";
  size_t rank = offset;
  for (const auto& hit : results.hits) {
    std::string snippet = hit.snippet;
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"<mark>", "["}, {"</mark>", "]"}, {"&lt;", "<"}, {"&gt;", ">"},
             {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
      for (size_t p = snippet.find(from); p != std::string::npos; p = snippet.find(from, p + to.size())) {
        snippet.replace(p, from.size(), to);
      }
    }
    std::cout << ++rank << ". " << hit.title << (hit.heading.empty() ? "" : " — " + hit.heading)
              << "  [" << hit.id << "#" << hit.passage << ", " << hit.lang
              << (hit.date.empty() ? "" : ", " + hit.date) << ", score " << hit.score << "]\n   "
              << snippet << "\n";
  }
  return kExitOk;
}

// Exit 0 when the stores agree as the indexer promises, 1 when they do not
// (or cannot be read), with what is wrong.
int RunCheck(const std::string& data) {
  indexer::ConsistencyReport report;
  Status s = indexer::CheckStores(data, &report);
  if (!s.ok()) return Fail(s.message());
  std::cout << "search index: " << report.search_documents << " documents; graph: " << report.graph_documents
            << " documents; graph state: " << (report.graph_state.empty() ? "(not recorded)" : report.graph_state)
            << "\n";
  for (const auto& p : report.problems) std::cout << "  problem: " << p << "\n";
  if (!report.consistent) return Fail("the stores at " + data + " disagree; run 'policygraph index' again");
  std::cout << (report.graph_state == "pending" ? "consistent (the graph is behind: run the index again to finish)"
                                                  : "consistent")
            << "\n";
  return kExitOk;
}

int RunServe(const ServerOptions& options) {
  // Block SIGINT/SIGTERM here so every thread inherits the mask, and take
  // them on one thread of our own that stops the server cleanly.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::unique_ptr<PolicygraphServer> server;
  Status s = PolicygraphServer::Create(options, &server);
  if (!s.ok()) return Fail(s.message());
  s = server->Bind();
  if (!s.ok()) return Fail(s.message());
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    server->Stop();
  });
  std::cout << "policygraph serving " << options.data_dir << " on http://" << options.host << ":"
            << server->port() << "/" << std::endl;
  s = server->Run();
  // Wake the waiter if the server stopped on its own.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (!s.ok()) return Fail(s.message());
  return kExitOk;
}

}  // namespace

int RunCli(int argc, char** argv) {
  CLI::App app{"policygraph: search and knowledge graph for Vietnamese and English policy documents"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "policygraph 0.1.0");

  std::string data = "data";
  auto add_data = [&](CLI::App* cmd) {
    cmd->add_option("--data", data, "data directory holding search/ and graph/")
        ->capture_default_str();
  };

  auto* index = app.add_subcommand("index", "index .txt/.md files and directories into DATA");
  std::vector<std::string> paths;
  indexer::IndexOptions index_options;
  index_options.gazetteer = "corpus/gazetteer";
  index_options.glossary = "corpus/glossary";
  index_options.link_model = POLICYGRAPH_DEFAULT_LINK_MODEL;
  index->add_option("paths", paths, "files or directories to index")->required();
  add_data(index);
  index->add_option("--gazetteer", index_options.gazetteer, "gazetteer .tsv file or directory")
      ->capture_default_str();
  index->add_option("--glossary", index_options.glossary,
                    "bilingual glossary .tsv file or directory (\"\" for none)")
      ->capture_default_str();
  index->add_option("--link-model", index_options.link_model,
                    "trained link classifier whose links join the rules' (\"\" for the rules alone)")
      ->capture_default_str();
  index->add_option("--threads", index_options.threads,
                    "threads analysing documents (0: one per core); the output is the same for any number")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  index->add_option("--writers", index_options.writers,
                    "search shards written at once into a new index, then merged (0: as many as --threads; "
                    "1: one writer); the output is the same for any number")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();

  auto* search = app.add_subcommand("search", "full-text search of DATA");
  std::string query;
  size_t limit = 10, offset = 0;
  bool as_json = false;
  search->add_option("query", query, "the query, e.g. \"an ninh mạng\" -China")->required();
  add_data(search);
  search->add_option("--limit", limit, "hits to show")->check(CLI::Range(1, 100))->capture_default_str();
  search->add_option("--offset", offset, "hits to skip")->check(CLI::Range(0, 10000))->capture_default_str();
  search->add_flag("--json", as_json, "print the API's JSON");
  bool by_document = false;
  search->add_flag("--by-document", by_document, "one hit per document (its best passage)");

  auto* graph_cmd = app.add_subcommand("graph", "explore the entity graph");
  GraphCommands graph_commands(graph_cmd, &data);

  auto* check = app.add_subcommand("check", "check that the search index and the graph in DATA agree");
  add_data(check);

  auto* serve = app.add_subcommand("serve", "serve the web UI and the HTTP API");
  ServerOptions server_options;
  server_options.web_dir = POLICYGRAPH_DEFAULT_WEB_DIR;
  add_data(serve);
  serve->add_option("--host", server_options.host, "address to bind")->capture_default_str();
  serve->add_option("--port", server_options.port, "port (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve->add_option("--web", server_options.web_dir, "directory of the web UI's static files")
      ->capture_default_str();
  serve->add_option("--threads", server_options.threads, "worker threads")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  serve->add_option("--search-cache", server_options.search_cache_entries,
                    "search answers kept for repeated requests until the index changes (0: none)")
      ->capture_default_str();

  auto* eval = app.add_subcommand(
      "eval", "measure search quality (nDCG@10, Recall@10, MRR) against judged queries, beside "
              "xapian-default and sqlite-fts5; every query runs in NFC and again in NFD");
  EvalOptions eval_options;
  eval->add_option("--corpus", eval_options.corpus_dir,
                   "directory; each non-empty .txt/.md line is a document")
      ->required();
  eval->add_option("--queries", eval_options.queries_file,
                   "judgments .tsv (qid, query, FILE#N:grade ...)")
      ->required();
  eval->add_option("--only", eval_options.only,
                   "keep only the files at or under this path in the corpus");
  eval->add_option("--gazetteer", eval_options.gazetteer, "gazetteer .tsv file or directory")
      ->capture_default_str();
  eval->add_option("--glossary", eval_options.glossary,
                   "bilingual glossary .tsv file or directory (\"\" for none)")
      ->capture_default_str();
  eval->add_option("--work", eval_options.work_dir,
                   "keep the indexes here (default: a temporary directory)");
  eval->add_option("--policygraph-data", eval_options.policygraph_data,
                   "search this policygraph index (WORK/policygraph of an earlier --work run on the "
                   "same corpus) instead of indexing the corpus again");
  eval->add_flag("--json", eval_options.as_json, "print the report as JSON");

  auto* eval_graph = app.add_subcommand(
      "eval-graph", "measure entity and link extraction (precision, recall) on one document against "
                    "gold entities and links");
  GraphEvalOptions graph_eval;
  eval_graph->add_option("file", graph_eval.file, "the document (.txt or .md)")->required();
  eval_graph->add_option("--gold-entities", graph_eval.gold_entities,
                         "gold entities .tsv (key, type, surface forms)")
      ->required();
  eval_graph->add_option("--gold-links", graph_eval.gold_links, "gold links .tsv (a, class, b, paragraphs)")
      ->required();
  eval_graph->add_option("--gazetteer", graph_eval.gazetteer, "gazetteer .tsv file or directory")
      ->capture_default_str();
  graph_eval.link_model = POLICYGRAPH_DEFAULT_LINK_MODEL;
  eval_graph->add_option("--link-model", graph_eval.link_model,
                         "trained link classifier whose links join the rules' (\"\" for the rules alone)")
      ->capture_default_str();
  eval_graph->add_option("--work", graph_eval.work_dir, "keep the graph here (default: a temporary directory)");
  eval_graph->add_flag("--verbose", graph_eval.verbose, "list missed and wrong entities and links");
  eval_graph->add_flag("--json", graph_eval.as_json, "print the report as JSON");

  auto* train_links = app.add_subcommand(
      "train-links", "train the link classifier on gold articles; --cv measures it by leave-one-article-out "
                     "cross-validation against the rules");
  LinkTrainingOptions link_training;
  std::string omit_families;
  train_links->add_option("--sets", link_training.sets, "articles .tsv (text, gold entities, gold links)")
      ->required();
  train_links->add_option("--out", link_training.out, "write the model trained on every article here");
  train_links->add_flag("--cv", link_training.cross_validate, "report leave-one-article-out cross-validation");
  train_links->add_option("--test", link_training.test,
                          "articles .tsv to decide with the model trained on --sets; prints their sums only");
  train_links->add_flag("--cross", link_training.cross,
                        "measure links across neighbouring sentences (on --test, else by cross-validation)");
  train_links->add_flag("--diagnose", link_training.diagnose,
                        "list the gold links the rules miss and the wrong links, with why");
  train_links->add_option("--gazetteer", link_training.gazetteer, "gazetteer .tsv file or directory")
      ->capture_default_str();
  train_links->add_option("--omit", omit_families, "feature families to leave out, comma-separated (r:, w:)");
  train_links->add_option("--l2", link_training.l2, "L2 regularisation")->capture_default_str();
  train_links->add_option("--threshold", link_training.threshold, "least probability for a link")
      ->capture_default_str();
  train_links->add_option("--veto", link_training.veto,
                          "least probability of no link that drops a rule's link (the vetoed union)")
      ->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }

  try {
    if (*index) {
      index_options.data_dir = data;
      return RunIndex(paths, index_options);
    }
    if (*search) return RunSearch(query, data, limit, offset, by_document, as_json);
    if (auto code = graph_commands.Run()) return *code;
    if (*check) return RunCheck(data);
    if (*eval) {
      // Every eval error is about its inputs or the work directory: a runtime error.
      Status s = RunEval(eval_options, std::cout, std::cerr);
      return s.ok() ? kExitOk : Fail(s.message());
    }
    if (*eval_graph) {
      Status s = RunGraphEval(graph_eval, std::cout, std::cerr);
      return s.ok() ? kExitOk : FailStatus(s);
    }
    if (*train_links) {
      for (size_t from = 0; from < omit_families.size();) {
        size_t comma = std::min(omit_families.find(',', from), omit_families.size());
        if (comma > from) link_training.omit.push_back(omit_families.substr(from, comma - from));
        from = comma + 1;
      }
      Status s = RunLinkTraining(link_training, std::cout, std::cerr);
      return s.ok() ? kExitOk : FailStatus(s);
    }
    if (*serve) {
      server_options.data_dir = data;
      return RunServe(server_options);
    }
  } catch (const std::exception& e) {
    return Fail(std::string("unexpected error: ") + e.what());
  }
  return kExitUsage;
}

}  // namespace policygraph::server
