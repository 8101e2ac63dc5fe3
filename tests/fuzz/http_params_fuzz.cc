// Fuzz target: HTTP query parameters as the API reads them: a raw query
// string is parsed as cpp-httplib parses it, then every parameter reader
// and the graph filters run on it.
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "server/api_params.h"

using namespace policygraph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string query(reinterpret_cast<const char*>(data), size);
  httplib::Request req;
  httplib::detail::parse_query_text(query, req.params);
  httplib::Response res;
  (void)server::SizeParam(req, res, "limit", 10, 1, 100);
  (void)server::TextParam(req, res, "q", false, 1024);
  (void)server::ListParam(req, res, "partners", 30, 200);
  (void)server::LinkFilterParams(req, res);
  return 0;
}
