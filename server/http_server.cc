#include "server/http_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <filesystem>
#include <iostream>

#include "graph/graph_store.h"
#include "indexer/analyzer.h"
#include "server/api.h"
#include "server/api_params.h"
#include "server/bounded_task_queue.h"
#include "server/response_cache.h"
#include "server/search_service.h"
#include "server/serving_index.h"

namespace policygraph::server {

namespace fs = std::filesystem;

struct PolicygraphServer::Impl {
  ServerOptions options;
  indexer::Analyzer analyzer;
  std::unique_ptr<SearchService> search;  // before `index`, whose watcher warms it
  std::unique_ptr<ServingIndex> index;    // before `api`, which uses it
  std::unique_ptr<ResponseCache> search_cache;
  std::unique_ptr<ApiContext> api;
  httplib::Server http;
  int port = -1;
  // cpp-httplib 0.11.4 listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG,
  // compiled into Debian's library). With dozens of clients reconnecting
  // (it closes a kept-alive connection after 5 requests) the kernel then
  // drops their SYNs, and each retries a second later: wrk at 64
  // connections saw 352 dropped SYNs in 5 s, p99 1 s and timeouts. The
  // listening socket is noted when httplib creates it, and listened on again
  // with this backlog after binding (Linux takes a new backlog that way).
  static constexpr int kListenBacklog = 1024;
  socket_t listen_socket = INVALID_SOCKET;

  void Configure() {
    http.set_read_timeout(options.read_timeout_s, 0);
    http.set_write_timeout(options.write_timeout_s, 0);
    http.set_keep_alive_timeout(options.read_timeout_s);
    // Answers are small and written in more than one send: without this,
    // Nagle's algorithm waits for the client's delayed ACK, about 40 ms per
    // request on a kept-alive connection (tests/bench/run.sh found it).
    http.set_tcp_nodelay(true);
    http.set_socket_options([this](socket_t sock) {
      httplib::default_socket_options(sock);
      listen_socket = sock;  // the last one made is the one bound
    });
    http.set_payload_max_length(options.max_payload_bytes);
    http.new_task_queue = [this] {
      return new BoundedTaskQueue(options.threads, options.max_queued);
    };
    http.set_default_headers({
        {"X-Content-Type-Options", "nosniff"},
        {"Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"},
        {"Referrer-Policy", "no-referrer"},
    });
    http.set_pre_routing_handler([](const httplib::Request&, httplib::Response& res) {
      if (!BoundedTaskQueue::IsOverflowRequest()) return httplib::Server::HandlerResponse::Unhandled;
      res.set_header("Retry-After", "1");
      res.set_header("Connection", "close");
      SendError(res, 503, "overloaded", "the server is busy; retry shortly");
      return httplib::Server::HandlerResponse::Handled;
    });
    http.set_exception_handler([](const httplib::Request& req, httplib::Response& res,
                                  std::exception_ptr ep) {
      std::string what = "unknown error";
      try {
        if (ep) std::rethrow_exception(ep);
      } catch (const std::exception& e) {
        what = e.what();
      } catch (...) {
      }
      std::cerr << "policygraph: error serving " << req.path << ": " << what << "\n";
      SendError(res, 500, "internal", "internal error while serving " + req.path);
    });
    // Anything no route answered (including a 404 from the static files and
    // httplib's own 400/413s) gets the one JSON error shape.
    http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (res.get_header_value("Content-Type") == "application/json") return;
      switch (res.status) {
        case 404: SendError(res, 404, "not_found", "no such resource: " + req.path); break;
        case 413: SendError(res, 413, "payload_too_large", "request body too large"); break;
        case 414: SendError(res, 414, "uri_too_long", "request URI too long"); break;
        case 405: SendError(res, 405, "method_not_allowed", "method not allowed"); break;
        default: SendError(res, res.status, "bad_request", "bad request"); break;
      }
    });
    RegisterApiRoutes(http, *api);
    if (!options.web_dir.empty()) http.set_mount_point("/", options.web_dir);
  }
};

PolicygraphServer::PolicygraphServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PolicygraphServer::~PolicygraphServer() { Stop(); }

Status PolicygraphServer::Create(const ServerOptions& options,
                                 std::unique_ptr<PolicygraphServer>* server) {
  server->reset();
  const std::string search_dir = (fs::path(options.data_dir) / "search").string();
  Status s = SearchService::CheckIndex(search_dir);
  if (s.IsInvalidArgument()) return Status::IOError(s.message());  // an index of another version
  if (!s.ok()) {
    return Status::NotFound("no index at " + options.data_dir +
                            " (run 'policygraph index PATH --data " + options.data_dir + "' first)");
  }
  if (!options.web_dir.empty() && !fs::is_directory(options.web_dir)) {
    return Status::NotFound("web UI directory not found: " + options.web_dir);
  }
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  // The stores are read as generations, each a search revision with its own
  // graph, and followed while `policygraph index` re-indexes the directory
  // (serving_index.h): one search handle per worker thread per generation.
  impl->search = std::make_unique<SearchService>(search_dir, impl->analyzer);
  ServingIndex::Options index_options;
  index_options.data_dir = options.data_dir;
  index_options.handles = std::max<size_t>(options.threads, 1);
  index_options.log = [](const std::string& line) { std::cerr << "policygraph: " << line << std::endl; };
  SearchService* search = impl->search.get();
  index_options.warm = [search](const Xapian::Database& db) { search->Warm(db); };
  s = ServingIndex::Open(index_options, &impl->index);
  if (!s.ok()) return s;
  if (options.search_cache_entries > 0) {
    impl->search_cache = std::make_unique<ResponseCache>(
        ResponseCache::Options{options.search_cache_entries, options.search_cache_bytes});
  }
  impl->api.reset(new ApiContext{impl->analyzer, *impl->search, *impl->index, ApiLimits(), impl->search_cache.get()});
  impl->Configure();
  server->reset(new PolicygraphServer(std::move(impl)));
  return Status::OK();
}

Status PolicygraphServer::Bind() {
  const auto& o = impl_->options;
  if (o.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(o.host);
  } else {
    impl_->port = impl_->http.bind_to_port(o.host, o.port) ? o.port : -1;
  }
  if (impl_->port < 0) {
    return Status::IOError("cannot listen on " + o.host + ":" + std::to_string(o.port) +
                           ": the port is in use, or the address is not available here");
  }
  if (impl_->listen_socket != INVALID_SOCKET && ::listen(impl_->listen_socket, Impl::kListenBacklog) != 0) {
    std::cerr << "policygraph: could not raise the listen backlog; serving with cpp-httplib's 5\n";
  }
  return Status::OK();
}

int PolicygraphServer::port() const { return impl_->port; }

Status PolicygraphServer::Run() {
  if (impl_->port < 0) return Status::InvalidArgument("Run() before a successful Bind()");
  if (!impl_->http.listen_after_bind()) {
    return Status::IOError("server stopped with an error on port " + std::to_string(impl_->port));
  }
  return Status::OK();
}

void PolicygraphServer::Stop() {
  if (impl_) impl_->http.stop();
}

}  // namespace policygraph::server
