// End-to-end test helpers: run the real `dossier` binary in a temporary
// folder, read what it wrote, and read produced HTML with gumbo (a real
// HTML5 parser), so tests assert what a user sees. Fixture archives live in
// tests/sites/{valid,invalid}/<name>/.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <gumbo.h>

#include "publish/manifest.h"  // sha256_hex

namespace dossier::e2e {

namespace fs = std::filesystem;

// What one run of the binary printed and returned.
struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// A fresh folder under the system's temporary folder, removed with its
// contents when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }
  fs::path operator/(std::string_view rel) const { return path_ / rel; }

 private:
  fs::path path_;
};

// Runs DOSSIER_BINARY with `args` in folder `cwd`; stdin is /dev/null and
// stdout/stderr are files (not a terminal), as on CI.
RunResult run_dossier(const fs::path& cwd, const std::vector<std::string>& args);
// Runs any program the same way; command[0] is looked up in PATH.
RunResult run_command(const fs::path& cwd, const std::vector<std::string>& command);
// Starts it so and returns at once: its process id (for waitpid or kill).
// `out` and `err` exist when this returns.
pid_t start_command(const fs::path& cwd, const std::vector<std::string>& command,
                    const fs::path& out, const fs::path& err);

// Copies fixture <kind>/<name> to <dir>/content and runs
// `dossier build content -o site` (plus `extra`) in `dir`.
RunResult build_fixture(const TempDir& dir, std::string_view kind, std::string_view name,
                        const std::vector<std::string>& extra = {});

// tests/sites/<kind>/<name>, e.g. fixture("valid", "status").
fs::path fixture(std::string_view kind, std::string_view name);
// The sample archive, content/.
fs::path sample_content();

// Copies a fixture archive to <dir>/content, so that diagnostics name
// `content/...` paths as a user running `dossier check` would see them.
fs::path copy_fixture(const TempDir& dir, std::string_view kind, std::string_view name);

std::string read_file(const fs::path& path);
void write_file(const fs::path& path, std::string_view data);

// Every regular file below `root`, as sorted relative paths ("a/b.html").
std::vector<std::string> list_files(const fs::path& root);
// Relative path -> SHA-256 (hex) of every file below `root`.
std::map<std::string, std::string> hash_tree(const fs::path& root);

// A folder made once and kept for later test processes (ctest runs each
// test in its own): TEST_CACHE_DIR/<name>, made by `make(dir)` unless a
// previous process made it for the same dossier binary. Safe across
// parallel test processes (a file lock).
fs::path cached_dir(const std::string& name, const std::function<void(const fs::path&)>& make);

// For EXPECT_TRUE: whether `text` contains `part` (showing both if not).
testing::AssertionResult Contains(std::string_view text, std::string_view part);

// The lines of `text` (without their line ends).
std::vector<std::string> lines_of(std::string_view text);
// Diagnostic lines (`path:line:col: severity: message [code]`) of a check
// run's output, without the source excerpts and the summary line.
std::vector<std::string> diagnostic_lines(std::string_view output);

// A parsed HTML page. Element pointers stay valid while the page lives.
class HtmlPage {
 public:
  explicit HtmlPage(std::string html);
  ~HtmlPage();
  HtmlPage(const HtmlPage&) = delete;
  HtmlPage& operator=(const HtmlPage&) = delete;

  const GumboNode* root() const;
  // Every element in document order (including <template>-less unknown tags).
  std::vector<const GumboNode*> elements() const;
  // Elements with this lower-case tag name, below `under` (default: root).
  std::vector<const GumboNode*> select(std::string_view tag,
                                       const GumboNode* under = nullptr) const;
  // Elements with this tag and `cls` among their classes, below `under`.
  std::vector<const GumboNode*> select_class(std::string_view tag, std::string_view cls,
                                             const GumboNode* under = nullptr) const;
  // The element with this id attribute, or null.
  const GumboNode* by_id(std::string_view id) const;
  // The <a> elements whose text contains `text`, below `under`.
  std::vector<const GumboNode*> links_with_text(std::string_view text,
                                                const GumboNode* under = nullptr) const;
  // The <a> elements whose whole text is `text`, below `under`.
  std::vector<const GumboNode*> links_named(std::string_view text,
                                            const GumboNode* under = nullptr) const;
  // The page's <title> text and <main> text.
  std::string title() const;
  std::string main_text() const;

  // Lower-case tag name, also for elements gumbo does not know.
  static std::string tag(const GumboNode* element);
  static std::optional<std::string> attr(const GumboNode* element, std::string_view name);
  // The element's text content (all descendant text, concatenated).
  static std::string text(const GumboNode* node);
  // Elements below `node` in document order.
  static std::vector<const GumboNode*> descendants(const GumboNode* node);
  // The nearest ancestor (or the element itself) with this tag, or null.
  static const GumboNode* closest(const GumboNode* node, std::string_view tag);

 private:
  std::string html_;
  GumboOutput* output_;
};

// A parsed page of a built site, with its path relative to the site root.
struct SitePage {
  std::string path;
  std::unique_ptr<HtmlPage> html;
};

// Every *.html file of a built site, parsed.
std::vector<SitePage> load_pages(const fs::path& site);

// Resolves a relative href found on page `page` (site-relative path) to a
// site-relative path: "../a/index.html#x" from "reports/b/index.html" ->
// "a/index.html". Fragment and query are dropped; nullopt if it climbs out.
std::optional<std::string> resolve_href(std::string_view page, std::string_view href);
// The fragment of an href without '#', or "".
std::string fragment_of(std::string_view href);

// Splits one CSV record stream (RFC 4180: quoted cells, doubled quotes,
// CRLF rows) into rows of cells.
std::vector<std::vector<std::string>> parse_csv(std::string_view text);

}  // namespace dossier::e2e
