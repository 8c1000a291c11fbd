// What a report added to an archive changes in the built site, which is what
// `dossier publish` then copies to a share (docs/publish.md): the newest
// report's search documents come last, so the browser index's result chunks,
// text pieces and document blocks of the others stay as they were, as do
// the server's text pieces but the last, and the list packs are cut where
// their terms say, so most of them stay too.
#include <map>
#include <regex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/search_sites.h"

namespace dossier::e2e {
namespace {

using Manifest = std::map<std::string, std::string>;  // path -> sha256

Manifest manifest_of(const fs::path& site) {
  Manifest out;
  nlohmann::json manifest = nlohmann::json::parse(read_file(site / "manifest.json"));
  for (const auto& f : manifest["files"])
    out[f["path"].get<std::string>()] = f["sha256"].get<std::string>();
  return out;
}

struct Churn {
  size_t files = 0, changed = 0, added = 0;
};

// Files below `folder` of `after`: how many, how many differ from `before`,
// how many are new.
Churn churn(const Manifest& before, const Manifest& after, const std::string& folder) {
  Churn c;
  for (const auto& [path, sha] : after) {
    if (!path.starts_with(folder)) continue;
    ++c.files;
    auto was = before.find(path);
    if (was == before.end()) {
      ++c.added;
    } else if (was->second != sha) {
      ++c.changed;
    }
  }
  return c;
}

// The text of the report of `content` with the latest date (the first such
// by path), and that date.
std::pair<std::string, std::string> newest_report(const fs::path& content) {
  static const std::regex date("\ndate: (\\d{4}-\\d{2}-\\d{2})\n");
  std::string text, latest;
  for (const auto& e : fs::recursive_directory_iterator(content / "reports")) {
    std::smatch m;
    std::string t = read_file(e.path());
    if (std::regex_search(t, m, date) && m[1].str() > latest) {
      latest = m[1].str();
      text = t;
    }
  }
  return {text, latest};
}

TEST(E2eIndexStability, AReportAddedLastLeavesTheOtherReportsFilesAsTheyWere) {
  // The 1,000-report test archive, built (the search tests' site), then
  // built again with the newest report copied a year later, under an id that
  // sorts first.
  TempDir dir;
  fs::path content = dir / "content";
  fs::copy(synthetic_content(), content, fs::copy_options::recursive);
  auto [text, date] = newest_report(content);
  ASSERT_FALSE(text.empty());
  std::string year = std::to_string(std::stoi(date.substr(0, 4)) + 1);
  write_file(
      content / "reports/0000-added.md",
      std::regex_replace(text, std::regex("\ndate: [0-9-]+\n"), "\ndate: " + year + "-01-01\n"));
  RunResult built = run_dossier(dir.path(), {"build", "content", "-o", "after"});
  ASSERT_EQ(built.exit_code, 0) << built.err;
  Manifest before = manifest_of(synthetic_search_site().site), after = manifest_of(dir / "after");

  Churn chunks = churn(before, after, "search/static/r/");
  EXPECT_EQ(chunks.added, 1u) << "the new report's result chunk";
  EXPECT_EQ(chunks.changed, 0u);
  Churn pieces = churn(before, after, "search/static/x/");
  EXPECT_GT(pieces.files, 2000u);
  EXPECT_LE(pieces.changed, 1u) << "the last piece, which the new text goes on from";
  EXPECT_GE(pieces.added, 1u);
  Churn blocks = churn(before, after, "search/static/d/");
  EXPECT_LE(blocks.changed, 1u);
  // The server's text pieces: the new report's texts go on from the last.
  Churn texts = churn(before, after, "search/text/");
  EXPECT_GE(texts.files, 3u);
  EXPECT_LE(texts.changed + texts.added, 2u)
      << texts.changed << " changed, " << texts.added << " added, of " << texts.files;
  // The new report's terms change their lists' packs: in this corpus, made
  // from five reports, that is many of them, but far from all (packs cut by
  // size changed every one after the first list that grew).
  Churn packs = churn(before, after, "search/static/p/");
  EXPECT_GT(packs.files, 2000u);
  EXPECT_LT(packs.changed + packs.added, packs.files * 3 / 4)
      << packs.changed << " changed, " << packs.added << " added, of " << packs.files;
}

}  // namespace
}  // namespace dossier::e2e
