// The OpenAPI 3 description of the HTTP API, served at /api/openapi.json.
// Its text is server/openapi.json, compiled into the binary (see
// server/CMakeLists.txt) so that the served document is always the one
// this build was made with.
#pragma once

#include <string>

namespace policygraph::server {

const std::string& OpenApiDocument();

}  // namespace policygraph::server
