// The search API: parameters to a request, errors to JSON.
#include "serve/search_api.h"

#include <nlohmann/json.hpp>

#include "base/text.h"
#include "search/search_output.h"

namespace dossier {

namespace {

ApiAnswer error(int status, const std::string& message) {
  return {status, nlohmann::json{{"error", message}}.dump() + "\n"};
}

// The request, or the parameter that is wrong.
Result<SearchRequest> read_request(const std::multimap<std::string, std::string>& params) {
  SearchRequest r;
  r.limit = kApiPageSize;
  std::map<std::string, std::vector<std::string>*> filters = {
      {"unit", &r.units}, {"topic", &r.topics}, {"year", &r.years},
      {"kind", &r.kinds}, {"type", &r.types},   {"regulation", &r.regulations}};
  for (const auto& [name, value] : params) {
    // A URL's %FF decodes to a byte no text holds: refused, not echoed.
    if (!is_utf8(name) || !is_utf8(value)) return Status::error("a parameter is not UTF-8 text");
    if (name == "q") {
      r.query += (r.query.empty() ? "" : " ") + value;
    } else if (auto f = filters.find(name); f != filters.end()) {
      if (!value.empty()) f->second->push_back(value);
    } else if (name == "sort") {
      if (value != "relevance" && value != "date")
        return Status::error("sort is relevance or date, not '" + value + "'");
      r.sort_by_date = value == "date";
    } else if (name == "page") {
      size_t page = 0;
      bool digits = !value.empty() && value.size() <= 6 &&
                    value.find_first_not_of("0123456789") == std::string::npos;
      if (digits) page = std::stoul(value);
      if (page < 1) return Status::error("page is a number from 1, not '" + value + "'");
      r.offset = (page - 1) * kApiPageSize;
    } else {
      return Status::error("unknown parameter '" + name + "'");
    }
  }
  if (r.query.empty()) return Status::error("no query: give q=words");
  return r;
}

}  // namespace

ApiAnswer answer_search(SiteGeneration& site,
                        const std::multimap<std::string, std::string>& params) {
  auto request = read_request(params);
  if (!request.is_ok()) return error(400, request.status().message());
  SearchQueryError query_error;
  auto response = site.search(request.value(), &query_error);
  if (!response.is_ok())
    return query_error.message.empty() ? error(503, response.status().message())
                                       : error(400, response.status().message());
  return {200, search_json(request.value(), response.value())};
}

}  // namespace dossier
