// The archive check of the fuzz targets: load, render, look at every page.
#include "archive_check.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "build.h"
#include "e2e/live_markup.h"
#include "index/search_docs.h"
#include "render/pages.h"
#include "render/site_renderer.h"
#include "render/theme.h"

namespace dossier::fuzz {

namespace fs = std::filesystem;

// The one report of the sample archive kept: each run loads the whole
// archive, and five reports of 20 KB make it three times slower. The
// registries, which reports link to, are all kept.
constexpr std::string_view kSampleReport = "2022-wenlv-qinglian-dudao-diaoyan.md";

void fail(std::string_view why) {
  std::fprintf(stderr, "fuzz check failed: %.*s\n", static_cast<int>(why.size()), why.data());
  std::abort();
}

const MemoryFileSystem& sample_archive() {
  static const MemoryFileSystem archive = [] {
    MemoryFileSystem a;
    fs::path root = fs::path(DOSSIER_SOURCE_DIR) / "content";
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file()) continue;
      bool report = fs::relative(entry.path(), root).begin()->string() == "reports";
      if (report && entry.path().filename() != kSampleReport) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream bytes;
      bytes << in.rdbuf();
      std::string path = "content/" + fs::relative(entry.path(), root).generic_string();
      a.add(path, bytes.str());
    }
    if (a.list_tree("content").empty()) fail("no sample archive under " + root.string());
    return a;
  }();
  return archive;
}

namespace {

const Theme& default_theme() {
  static const Theme theme = [] {
    auto t = Theme::load("");
    if (!t.is_ok()) fail("the built-in theme: " + t.status().message());
    return std::move(t.value());
  }();
  return theme;
}

void check_locations(const std::vector<Diagnostic>& diags) {
  for (const Diagnostic& d : diags)
    if (d.loc.line < 1 || d.loc.column < 1)
      fail("a diagnostic without line and column: " + d.path + ":" + std::to_string(d.loc.line) +
           ":" + std::to_string(d.loc.column) + ": " + d.message);
}

void check_pages(const Archive& archive, const FileSystem& files) {
  PageRenderer pages(archive, default_theme());
  for (const SiteOutput& out : site_outputs(archive, pages, default_theme(), files)) {
    Result<std::string> bytes = out.make();
    if (!bytes.is_ok()) fail(out.path + ": " + bytes.status().message());
    if (!out.path.ends_with(".html")) continue;
    e2e::SitePage page{out.path, std::make_unique<e2e::HtmlPage>(bytes.value())};
    for (const std::string& live : e2e::live_markup(page)) fail(live);
  }
}

}  // namespace

std::vector<Diagnostic> check_archive(const FileSystem& files) {
  BuildOptions options;
  options.progress = false;
  options.jobs = 1;
  Diagnostics diags;
  Archive archive = load_archive(files, options, diags, nullptr);
  std::vector<Diagnostic> found = diags.sorted();
  check_locations(found);
  if (diags.has_errors()) return found;
  check_pages(archive, files);
  collect_search_docs(archive);
  return found;
}

}  // namespace dossier::fuzz
