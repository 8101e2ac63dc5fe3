#include "server/api_params.h"

#include <charconv>
#include <set>

#include "indexer/analyzer.h"
#include "indexer/gazetteer.h"
#include "indexer/link_triggers.h"
#include "server/json_views.h"

namespace policygraph::server {

using nlohmann::json;

void SendJson(httplib::Response& res, const json& body) {
  // error_handler_t::replace: stored text is validated UTF-8, but a stray
  // byte must never turn into an exception halfway through a response.
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

void SendStatus(httplib::Response& res, const Status& s) {
  if (s.IsNotFound()) return SendError(res, 404, "not_found", s.message());
  if (s.IsInvalidArgument()) return SendError(res, 400, "bad_request", s.message());
  SendError(res, 500, "internal", s.message());
}

// Reads an optional unsigned integer parameter within [min, max]. On a bad
// value, answers 400 naming the parameter and returns nullopt.
std::optional<size_t> SizeParam(const httplib::Request& req, httplib::Response& res,
                                const char* name, size_t fallback, size_t min, size_t max) {
  if (!req.has_param(name)) return fallback;
  const std::string v = req.get_param_value(name);
  size_t value = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
  if (v.empty() || ec != std::errc() || ptr != v.data() + v.size() || value < min || value > max) {
    SendError(res, 400, "bad_parameter",
              std::string("parameter '") + name + "' must be an integer from " + std::to_string(min) +
                  " to " + std::to_string(max) + ", got '" + v.substr(0, 40) + "'");
    return std::nullopt;
  }
  return value;
}

// A required or optional text parameter no longer than max_bytes.
std::optional<std::string> TextParam(const httplib::Request& req, httplib::Response& res,
                                     const char* name, bool required, size_t max_bytes) {
  if (!req.has_param(name)) {
    if (!required) return std::string();
    SendError(res, 400, "missing_parameter", std::string("parameter '") + name + "' is required");
    return std::nullopt;
  }
  std::string v = req.get_param_value(name);
  if (v.size() > max_bytes) {
    SendError(res, 400, "bad_parameter",
              std::string("parameter '") + name + "' is longer than " + std::to_string(max_bytes) +
                  " bytes");
    return std::nullopt;
  }
  if (!indexer::IsValidUtf8(v)) {
    SendError(res, 400, "bad_parameter", std::string("parameter '") + name + "' is not valid UTF-8");
    return std::nullopt;
  }
  return v;
}

void SendError(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  res.status = status;
  SendJson(res, ErrorJson(code, message));
}

std::optional<std::vector<std::string>> ListParam(const httplib::Request& req, httplib::Response& res,
                                                  const char* name, size_t max_items, size_t max_item_bytes) {
  auto text = TextParam(req, res, name, false, max_items * (max_item_bytes + 1));
  if (!text) return std::nullopt;
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= text->size() && !text->empty()) {
    size_t comma = text->find(',', start);
    if (comma == std::string::npos) comma = text->size();
    std::string item = text->substr(start, comma - start);
    if (!item.empty()) items.push_back(item);
    start = comma + 1;
  }
  if (items.size() > max_items) {
    SendError(res, 400, "bad_parameter",
              std::string("parameter '") + name + "' holds more than " + std::to_string(max_items) + " items");
    return std::nullopt;
  }
  return items;
}

namespace {

bool IsIsoPrefix(const std::string& v) {
  auto digits = [&](size_t from, size_t n) {
    if (v.size() < from + n) return false;
    for (size_t i = from; i < from + n; ++i) {
      if (v[i] < '0' || v[i] > '9') return false;
    }
    return true;
  };
  if (v.size() == 4) return digits(0, 4);
  if (v.size() == 7) return digits(0, 4) && v[4] == '-' && digits(5, 2);
  if (v.size() == 10) return digits(0, 4) && v[4] == '-' && digits(5, 2) && v[7] == '-' && digits(8, 2);
  return false;
}

}  // namespace

std::optional<graph::LinkFilter> LinkFilterParams(const httplib::Request& req, httplib::Response& res) {
  graph::LinkFilter filter;
  auto relations = ListParam(req, res, "relation", 16, 40);
  if (!relations) return std::nullopt;
  const auto& known = indexer::AllRelations();
  for (const auto& r : *relations) {
    if (std::find(known.begin(), known.end(), r) == known.end()) {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      SendError(res, 400, "bad_parameter", "parameter 'relation': unknown relation '" + r.substr(0, 40) +
                                               "' (known: " + list + ")");
      return std::nullopt;
    }
    filter.relations.insert(r);
  }
  auto types = ListParam(req, res, "type", 16, 40);
  if (!types) return std::nullopt;
  for (const auto& t : *types) {
    if (!indexer::IsKnownEntityType(t) || t == indexer::kNotEntityType) {
      SendError(res, 400, "bad_parameter", "parameter 'type': unknown entity type '" + t.substr(0, 40) + "'");
      return std::nullopt;
    }
    filter.entity_types.insert(t);
  }
  for (const char* name : {"from", "to"}) {
    auto v = TextParam(req, res, name, false, 10);
    if (!v) return std::nullopt;
    if (!v->empty() && !IsIsoPrefix(*v)) {
      SendError(res, 400, "bad_parameter",
                std::string("parameter '") + name + "' must be a date YYYY, YYYY-MM or YYYY-MM-DD, got '" + *v + "'");
      return std::nullopt;
    }
    (std::string(name) == "from" ? filter.date_from : filter.date_to) = *v;
  }
  auto min_weight = SizeParam(req, res, "min_weight", 1, 1, 1000000);
  if (!min_weight) return std::nullopt;
  filter.min_weight = static_cast<uint32_t>(*min_weight);
  return filter;
}

}  // namespace policygraph::server
