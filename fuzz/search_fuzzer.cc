// Fuzz target: the input as the query string of GET /api/search
// ("q=…&unit=…&page=…", split at & and =, not decoded) over the sample
// archive's site, built once. The answer must be 200 or 400 (a query or
// parameter to change), always as JSON, as `dossier search` and the
// server give it.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "archive_check.h"
#include "base/file_system.h"
#include "build.h"
#include "serve/search_api.h"
#include "serve/site_generation.h"

namespace {

namespace fs = std::filesystem;

// The sample archive built into a temporary folder, removed at exit.
class SampleSite {
 public:
  SampleSite() {
    char pattern[] = "/tmp/dossier-fuzz-XXXXXX";
    if (!mkdtemp(pattern)) dossier::fuzz::fail("cannot make a temporary folder");
    dir_ = pattern;
    dossier::BuildOptions options;
    options.content_dir = std::string(DOSSIER_SOURCE_DIR) + "/content";
    options.output_dir = (dir_ / "site").string();
    options.progress = false;
    std::ostringstream err;
    if (dossier::run_build(dossier::RealFileSystem(), options, err) != dossier::kExitOk)
      dossier::fuzz::fail("the sample archive does not build: " + err.str());
    auto opened = dossier::SiteGeneration::open(options.output_dir);
    if (!opened.is_ok()) dossier::fuzz::fail(opened.status().message());
    site_ = opened.value();
  }
  ~SampleSite() {
    site_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  dossier::SiteGeneration& site() { return *site_; }

 private:
  fs::path dir_;
  std::shared_ptr<dossier::SiteGeneration> site_;
};

std::multimap<std::string, std::string> parameters(std::string_view query) {
  std::multimap<std::string, std::string> out;
  while (!query.empty()) {
    size_t end = query.find('&');
    std::string_view pair = query.substr(0, end);
    size_t eq = pair.find('=');
    out.emplace(pair.substr(0, eq), eq == std::string_view::npos ? "" : pair.substr(eq + 1));
    query = end == std::string_view::npos ? "" : query.substr(end + 1);
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static SampleSite sample;
  std::string_view query(reinterpret_cast<const char*>(data), size);
  dossier::ApiAnswer answer = dossier::answer_search(sample.site(), parameters(query));
  if (answer.status != 200 && answer.status != 400)
    dossier::fuzz::fail("status " + std::to_string(answer.status) + ": " + answer.json);
  auto json = nlohmann::json::parse(answer.json, nullptr, false);
  if (json.is_discarded()) dossier::fuzz::fail("not JSON: " + answer.json);
  if (answer.status == 200 && json["results"].size() > json["total"].get<size_t>())
    dossier::fuzz::fail("more results than the total: " + answer.json);
  return 0;
}
