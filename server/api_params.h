// Reading and bounding HTTP request parameters, and writing JSON answers,
// shared by the API's handlers. Every reader answers 400 itself (naming the
// parameter and what it must be) and returns nullopt on a bad value.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "graph/link_filter.h"
#include "graph/status.h"

namespace policygraph::server {

void SendJson(httplib::Response& res, const nlohmann::json& body);
// 404 for NotFound, 400 for InvalidArgument, else 500.
void SendStatus(httplib::Response& res, const Status& s);
// The JSON error shape with `status`.
void SendError(httplib::Response& res, int status, const std::string& code, const std::string& message);

// An optional unsigned integer within [min, max], `fallback` when absent.
std::optional<size_t> SizeParam(const httplib::Request& req, httplib::Response& res, const char* name,
                                size_t fallback, size_t min, size_t max);

// A required or optional text parameter, valid UTF-8, at most max_bytes.
std::optional<std::string> TextParam(const httplib::Request& req, httplib::Response& res, const char* name,
                                     bool required, size_t max_bytes);

// A comma-separated list ("china,united-states"), at most max_items items.
std::optional<std::vector<std::string>> ListParam(const httplib::Request& req, httplib::Response& res,
                                                  const char* name, size_t max_items, size_t max_item_bytes);

// The graph filters: relation=a,b  type=country,event  from=2021  to=2022-06
// min_weight=2. Relations and types must be known ones; dates YYYY,
// YYYY-MM or YYYY-MM-DD.
std::optional<graph::LinkFilter> LinkFilterParams(const httplib::Request& req, httplib::Response& res);

}  // namespace policygraph::server
