// Helpers shared by the unit tests: diagnostics as the text a user sees,
// sources from strings, and small archives parsed from strings and linked.
#pragma once

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "base/site_paths.h"
#include "base/source_text.h"
#include "link/linker.h"
#include "load/content_files.h"
#include "model/archive.h"
#include "parse/registry_parser.h"
#include "parse/report_parser.h"

namespace dossier::test {

// Every diagnostic as `dossier check` prints it (notes included), without
// the summary line.
inline std::string text_of(const Diagnostics& diags, bool with_notes = true) {
  std::ostringstream out;
  diags.print_text(out, with_notes);
  return out.str();
}

inline std::shared_ptr<const SourceText> source(std::string path, std::string text) {
  return std::make_shared<const SourceText>(std::move(path), std::move(text));
}

// A fresh folder under the system's temporary folder, removed (with all
// it holds) when the object goes.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("dossier-unit-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& rel) const { return path_ / rel; }

 private:
  std::filesystem::path path_;
};

// Writes `data` to `path`, creating its folders.
inline void write_file(const std::filesystem::path& path, const std::string& data) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << data;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// An archive under the content folder "content", built from file texts the
// way the build driver builds it: each file parsed, registries sorted by
// slug, then linked with a fixed today.
class ArchiveBuilder {
 public:
  ArchiveBuilder() {
    archive_.content_dir = "content";
    archive_.today = {2024, 1, 1};
  }

  // `rel` is relative to the content folder, e.g. "reports/2023/a.md".
  // Reports are parsed after the registries, as the build driver does.
  ArchiveBuilder& report(const std::string& rel, std::string text) {
    pending_.emplace_back(rel, std::move(text));
    return *this;
  }
  ArchiveBuilder& regulation(const std::string& slug, std::string text) {
    archive_.regulations.push_back(parse_regulation(
        source("content/regulations/" + slug + ".md", std::move(text)), slug, parse_diags_));
    return *this;
  }
  ArchiveBuilder& unit(const std::string& slug, std::string text) {
    archive_.units.push_back(
        parse_unit(source("content/units/" + slug + ".md", std::move(text)), slug, parse_diags_));
    return *this;
  }
  ArchiveBuilder& topic(const std::string& slug, std::string text) {
    archive_.topics.push_back(
        parse_topic(source("content/topics/" + slug + ".md", std::move(text)), slug, parse_diags_));
    return *this;
  }
  ArchiveBuilder& asset(std::string source_path, std::string output_path) {
    archive_.assets.push_back({std::move(source_path), std::move(output_path)});
    return *this;
  }
  ArchiveBuilder& today(Date d) {
    archive_.today = d;
    return *this;
  }

  // What parsing reported (tests of the link stage expect nothing here).
  std::string parse_text() {
    parse_reports();
    return text_of(parse_diags_);
  }

  // Links the archive; its diagnostics go to `diags`.
  Archive link(Diagnostics& diags) {
    parse_reports();
    auto by_slug = [](const auto& x, const auto& y) { return x.slug < y.slug; };
    std::sort(archive_.regulations.begin(), archive_.regulations.end(), by_slug);
    std::sort(archive_.units.begin(), archive_.units.end(), by_slug);
    std::sort(archive_.topics.begin(), archive_.topics.end(), by_slug);
    link_archive(archive_, diags);
    return std::move(archive_);
  }

 private:
  // Registry bodies and reports, once the regulations are known (as the
  // build driver does). Registry entries added later keep no body.
  void parse_reports() {
    RegulationLookup regulations = RegulationNames(archive_.regulations);
    for (auto& g : archive_.regulations)
      parse_registry_body(g, site_path::regulation(g.slug), regulations, parse_diags_);
    for (auto& u : archive_.units)
      parse_registry_body(u, site_path::unit(u.slug), regulations, parse_diags_);
    for (auto& t : archive_.topics)
      parse_registry_body(t, site_path::topic(t.slug), regulations, parse_diags_);
    for (auto& [rel, text] : pending_)
      archive_.reports.push_back(parse_report(source("content/" + rel, std::move(text)),
                                              file_stem(rel), regulations, parse_diags_));
    pending_.clear();
  }

  Archive archive_;
  Diagnostics parse_diags_;
  std::vector<std::pair<std::string, std::string>> pending_;  // reports not parsed yet
};

// The index of the entry with `slug` in a registry, or -1.
template <typename Entry>
int index_of(const std::vector<Entry>& entries, std::string_view slug) {
  for (size_t i = 0; i < entries.size(); ++i)
    if (entries[i].slug == slug) return static_cast<int>(i);
  return -1;
}

inline int report_index(const Archive& a, std::string_view id) {
  for (size_t i = 0; i < a.reports.size(); ++i)
    if (a.reports[i].id == id) return static_cast<int>(i);
  return -1;
}

}  // namespace dossier::test
