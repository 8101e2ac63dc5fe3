#include "tests/support/running_server.h"

#include <chrono>
#include <stdexcept>

#include "tests/support/test_support.h"

namespace policygraph::testing {

RunningServer::RunningServer(const std::string& data_dir) {
  server::ServerOptions options;
  options.data_dir = data_dir;
  options.web_dir = (SourceDir() / "server" / "web").string();
  options.port = 0;
  options.threads = 4;
  Status s = server::PolicygraphServer::Create(options, &server_);
  if (!s.ok()) throw std::runtime_error(s.message());
  s = server_->Bind();
  if (!s.ok()) throw std::runtime_error(s.message());
  port_ = server_->port();
  thread_ = std::thread([this] { (void)server_->Run(); });
  client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
  client_->set_read_timeout(10, 0);
  // Wait until the server answers.
  for (int i = 0; i < 200 && !client_->Get("/api/health"); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

RunningServer::~RunningServer() {
  server_->Stop();
  thread_.join();
}

}  // namespace policygraph::testing
