// Text and JSON output of search results.
#include "search/search_output.h"

#include <ostream>

#include <nlohmann/json.hpp>

#include "base/text.h"

namespace dossier {

namespace {

std::string type_label(const std::string& type) {
  if (type == "issue") return "问题";
  if (type == "measure") return "整改措施";
  return "报告";
}

// 【match】 -> <mark>match</mark>, the rest escaped.
std::string snippet_html(const std::string& snippet) {
  std::string out;
  const std::string open = "【", close = "】";
  for (size_t at = 0; at < snippet.size();) {
    size_t o = snippet.find(open, at);
    if (o == std::string::npos) {
      html_escape_append(out, std::string_view(snippet).substr(at));
      break;
    }
    size_t c = snippet.find(close, o);
    if (c == std::string::npos) c = snippet.size();
    html_escape_append(out, std::string_view(snippet).substr(at, o - at));
    out += "<mark>";
    html_escape_append(out, std::string_view(snippet).substr(o + open.size(), c - o - open.size()));
    out += "</mark>";
    at = c + close.size();
  }
  return out;
}

}  // namespace

void print_search_text(const SearchRequest& request, const SearchResponse& response,
                       std::ostream& out) {
  std::string words;
  for (const auto& w : response.words) words += (words.empty() ? "" : " ") + w;
  out << "共 " << response.total << " 条结果：" << words << '\n';
  size_t n = request.offset;
  for (const auto& hit : response.hits) {
    out << '\n' << ++n << ". [" << type_label(hit.type) << "] " << hit.title << "  (";
    out << hit.date;
    for (const auto& u : hit.units) out << " · " << u;
    out << ")\n   " << hit.url << "\n   " << hit.snippet << '\n';
  }
  if (response.total > n)
    out << "\n显示第 " << request.offset + 1 << "–" << n << " 条；更多结果：--offset " << n << '\n';
  // An offset past the last result (a page remembered from before the
  // archive changed): say so, and where the last page starts.
  if (response.hits.empty() && response.total > 0 && request.limit > 0)
    out << "\n第 " << request.offset + 1 << " 条起没有结果；最后一页：--offset "
        << (response.total - 1) / request.limit * request.limit << '\n';
}

std::string search_json(const SearchRequest& request, const SearchResponse& response) {
  using Json = nlohmann::ordered_json;
  Json results = Json::array();
  for (const auto& hit : response.hits)
    results.push_back({{"key", hit.key},
                       {"type", hit.type},
                       {"title", hit.title},
                       {"url", hit.url},
                       {"units", hit.units},
                       {"date", hit.date},
                       {"snippet", snippet_html(hit.snippet)},
                       {"weight", hit.weight}});
  Json facets = Json::object();
  for (const auto& [facet, values] : response.facets) {
    Json list = Json::array();
    for (const auto& v : values)
      list.push_back({{"value", v.value}, {"label", v.label}, {"count", v.count}});
    facets[facet] = list;
  }
  Json doc = {{"query", request.query},  {"words", response.words},
              {"total", response.total}, {"offset", request.offset},
              {"limit", request.limit},  {"sort", request.sort_by_date ? "date" : "relevance"},
              {"results", results},      {"facets", facets}};
  return doc.dump(2) + "\n";
}

}  // namespace dossier
