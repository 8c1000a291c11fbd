// The shape of whole built sites (SPEC §4): every relative link and #fragment
// resolves inside the site, nothing is fetched from elsewhere, and output
// paths are ASCII lower case, at most 200 characters, unique ignoring case.
// Run over the sample archive (content/) and the valid fixtures.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>

#include <nlohmann/json.hpp>

#include "e2e/harness.h"

namespace dossier::e2e {
namespace {

using Page = HtmlPage;

bool has_scheme(std::string_view url) {
  size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  return std::all_of(url.begin(), url.begin() + static_cast<long>(colon), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  });
}

// Every problem with the links of a built site, as messages.
std::vector<std::string> broken_links(const fs::path& site) {
  std::vector<std::string> out;
  auto pages = load_pages(site);
  std::map<std::string, std::set<std::string>> ids;  // page -> element ids
  for (const auto& p : pages)
    for (const GumboNode* e : p.html->elements())
      if (auto id = Page::attr(e, "id")) ids[p.path].insert(*id);
  for (const auto& p : pages) {
    for (const GumboNode* e : p.html->elements()) {
      std::string tag = Page::tag(e);
      for (std::string_view name : {"href", "src"}) {
        auto value = Page::attr(e, name);
        if (!value) continue;
        std::string url = *value,
                    where = p.path + ": <" + tag + " " + std::string(name) + "=\"" + url + "\">";
        if (url.starts_with("//")) {
          out.push_back(where + " leaves the site");
          continue;
        }
        if (has_scheme(url)) {
          // A plain link out (a regulation's official text, an address)
          // is fine; a resource from elsewhere is not, nor other schemes.
          bool web = url.starts_with("https://") || url.starts_with("http://") ||
                     url.starts_with("mailto:");
          if (!web || tag != "a" || name != "href") out.push_back(where + " leaves the site");
          continue;
        }
        if (url.empty()) {
          out.push_back(where + " is empty");
          continue;
        }
        std::string target = p.path;
        if (!url.starts_with("#")) {
          auto resolved = resolve_href(p.path, url);
          if (!resolved) {
            out.push_back(where + " climbs out of the site");
            continue;
          }
          target = *resolved;
          if (!fs::is_regular_file(site / target)) {
            out.push_back(where + " names a missing file " + target);
            continue;
          }
        }
        std::string fragment = fragment_of(url);
        if (!fragment.empty() && !ids[target].contains(fragment))
          out.push_back(where + " names a missing #" + fragment + " in " + target);
      }
    }
  }
  return out;
}

// Every problem with the output paths of a built site, as messages.
std::vector<std::string> bad_paths(const fs::path& site) {
  std::vector<std::string> out;
  std::map<std::string, std::string> folded;
  for (const auto& entry : fs::recursive_directory_iterator(site)) {
    std::string rel = fs::relative(entry.path(), site).generic_string();
    if (rel.size() > 200) out.push_back(rel + ": longer than 200 characters");
    for (char c : rel) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                c == '.' || c == '/';
      if (!ok) {
        out.push_back(rel + ": not ASCII lower case");
        break;
      }
    }
    std::string key = rel;
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    auto [it, fresh] = folded.emplace(key, rel);
    if (!fresh) out.push_back(rel + ": differs only in case from " + it->second);
  }
  return out;
}

// Builds a content folder: the sample archive ("content") or a valid fixture.
class BuiltSite : public testing::TestWithParam<std::string> {
 protected:
  fs::path build() {
    RunResult r = GetParam() == "content"
                      ? run_dossier(dir_.path(), {"build", sample_content().string(), "-o", "site"})
                      : build_fixture(dir_, "valid", GetParam());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return dir_ / "site";
  }
  TempDir dir_;
};

std::string site_name(const testing::TestParamInfo<std::string>& param) {
  std::string name = param.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

class E2eSiteLinks : public BuiltSite {};
class E2eSiteFiles : public BuiltSite {};

TEST_P(E2eSiteLinks, EveryLinkResolvesInsideTheSite) {
  fs::path site = build();
  EXPECT_EQ(broken_links(site), std::vector<std::string>{});
}

TEST_P(E2eSiteFiles, OutputPathsAreShortLowerCaseAscii) {
  fs::path site = build();
  EXPECT_EQ(bad_paths(site), std::vector<std::string>{});
}

// manifest.json lists size and SHA-256 of every other file, and no more.
TEST_P(E2eSiteFiles, ManifestListsEveryOtherFile) {
  fs::path site = build();
  auto manifest = nlohmann::json::parse(read_file(site / "manifest.json"));
  EXPECT_TRUE(manifest.at("generator").get<std::string>().starts_with("dossier"));
  std::map<std::string, std::pair<uint64_t, std::string>> listed, actual;
  for (const auto& f : manifest.at("files"))
    listed[f.at("path")] = {f.at("size").get<uint64_t>(), f.at("sha256").get<std::string>()};
  for (const auto& rel : list_files(site)) {
    if (rel == "manifest.json") continue;
    std::string data = read_file(site / rel);
    actual[rel] = {data.size(), sha256_hex(data)};
  }
  EXPECT_EQ(listed, actual);
}

// The hostile fixture's links are emptied on purpose (escaping_test.cc).
INSTANTIATE_TEST_SUITE_P(Sites, E2eSiteLinks,
                         testing::Values("content", "cross-report", "citations", "status", "units",
                                         "registry-bodies"),
                         site_name);
INSTANTIATE_TEST_SUITE_P(Sites, E2eSiteFiles,
                         testing::Values("content", "cross-report", "citations", "status", "units",
                                         "registry-bodies", "hostile"),
                         site_name);

// The link checker itself: it would have caught a broken link.
TEST(E2eSiteShapeChecker, FindsBrokenLinks) {
  TempDir dir;
  write_file(dir / "index.html",
             "<a href='a/index.html#x'>1</a><a href='a/index.html#nope'>2</a>"
             "<a href='missing.html'>3</a><a href='../up.html'>4</a><a href='#top'>5</a>"
             "<img src='https://cdn.example/x.png'><a href='https://ok.example/'>ok</a>"
             "<a href='mailto:x@example.com'>6</a><a href=''>7</a>");
  write_file(dir / "a/index.html", "<p id='x'>");
  EXPECT_EQ(broken_links(dir.path()).size(), 6u)
      << testing::PrintToString(broken_links(dir.path()));
  write_file(dir / "A/Index.html", "");
  EXPECT_EQ(bad_paths(dir.path()).size(), 4u) << testing::PrintToString(bad_paths(dir.path()));
}

}  // namespace
}  // namespace dossier::e2e
