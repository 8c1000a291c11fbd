// `dossier publish` and `dossier verify` (SPEC §3, docs/publish.md): a fresh
// folder gets the whole site, a second publish only what changed; stale
// files and the folders they leave go, other files stay; a publish killed at
// any point (by the test hook at every step, and by SIGKILL on a large site)
// leaves a browsable site that the next publish completes; verify names
// every missing, changed and extra file.
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "e2e/harness.h"
#include "publish/manifest.h"

namespace dossier::e2e {
namespace {

constexpr const char* kJournal = ".dossier-publish~journal";
constexpr const char* kLock = ".dossier-publish~lock";

// Whether a URL has a scheme ("https:", "mailto:").
bool has_scheme(std::string_view url) {
  size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  return std::all_of(url.begin(), url.begin() + static_cast<long>(colon), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  });
}

// Why `dir` is not a browsable site: index.html is missing, or a relative
// href or src of a page names no file. Empty when it is browsable.
std::vector<std::string> unbrowsable(const fs::path& dir, bool need_index = true) {
  std::vector<std::string> out;
  if (need_index && !fs::is_regular_file(dir / "index.html")) out.push_back("no index.html");
  if (!fs::is_directory(dir)) return out;
  for (const auto& page : load_pages(dir)) {
    for (const GumboNode* e : page.html->elements()) {
      for (std::string_view name : {"href", "src"}) {
        auto url = HtmlPage::attr(e, name);
        if (!url || url->empty() || url->starts_with("#") || url->starts_with("//") ||
            has_scheme(*url))
          continue;
        auto target = resolve_href(page.path, *url);
        if (!target || !fs::is_regular_file(dir / *target))
          out.push_back(page.path + ": " + std::string(name) + "=\"" + *url + "\" names no file");
      }
    }
  }
  return out;
}

// The paths of a manifest.json.
std::vector<std::string> manifest_paths(const fs::path& site) {
  auto m = parse_manifest(read_file(site / "manifest.json"));
  std::vector<std::string> out;
  for (const auto& f : m.value().files) out.push_back(f.path);
  return out;
}

// Paths of `files` that equal another one ignoring case.
std::vector<std::string> case_twins(const std::vector<std::string>& files) {
  std::map<std::string, std::string> folded;
  std::vector<std::string> out;
  for (const auto& f : files) {
    std::string key = f;
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (!folded.emplace(key, f).second) out.push_back(f);
  }
  return out;
}

// Inode and modification time of every file: a file rewritten gets a new
// inode (renamed into place) and a new time.
struct Stamp {
  ino_t inode = 0;
  int64_t mtime_ns = 0;
  bool operator==(const Stamp&) const = default;
};

std::map<std::string, Stamp> stamps(const fs::path& root) {
  std::map<std::string, Stamp> out;
  for (const auto& rel : list_files(root)) {
    struct stat st {};
    ::stat((root / rel).c_str(), &st);
    out[rel] = {st.st_ino, st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec};
  }
  return out;
}

// Runs dossier with one more variable in its environment.
RunResult run_dossier_env(const fs::path& cwd, const std::string& variable,
                          const std::vector<std::string>& args) {
  std::vector<std::string> command = {"env", variable, DOSSIER_BINARY};
  command.insert(command.end(), args.begin(), args.end());
  return run_command(cwd, command);
}

std::string summary(size_t files, const std::string& dir, size_t copied, size_t unchanged,
                    size_t removed) {
  return "published " + std::to_string(files) + " files to " + dir + ": " + std::to_string(copied) +
         " copied, " + std::to_string(unchanged) + " unchanged, " + std::to_string(removed) +
         " removed\n";
}

// A report of the status fixture's unit, dated in 2024 (a new year page).
constexpr const char* kNewReport = R"(---
title: 新增的专项检查报告
date: 2024-02-01
unit: 市测试局
issues:
  - id: I1
    title: 新发现的问题
measures:
  - id: M1
    title: 新的整改措施
    addresses: [I1]
    owner: 办公室
    due: 2024-06-30
    status: planned
---

## 新发现的问题 {#I1}

专项检查发现的问题及其说明。
)";

class E2ePublishShare : public testing::Test {
 protected:
  void SetUp() override {
    RunResult r = build_fixture(dir_, "valid", "status");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  fs::path report() const { return dir_ / "content/reports/2023-xunshi-fankui.md"; }
  RunResult build(const std::string& out = "site") {
    return run_dossier(dir_.path(), {"build", "content", "-o", out});
  }
  RunResult publish(const std::string& to, const std::string& site = "site") {
    return run_dossier(dir_.path(), {"publish", "-d", site, "--to", to});
  }
  RunResult verify(const std::string& dir) { return run_dossier(dir_.path(), {"verify", dir}); }
  size_t site_files(const std::string& site = "site") { return manifest_paths(dir_ / site).size(); }
  std::string manifest_sha256(const std::string& dir) {
    return sha256_hex(read_file(dir_ / dir / "manifest.json"));
  }
  // A different site: one report's text changed, one report added, one
  // renamed (its old page goes).
  void change_content() {
    std::string text = read_file(report()), from = "title: 尚无措施的问题";
    size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos);
    write_file(report(), text.replace(at, from.size(), "title: 尚无任何措施的问题"));
    fs::rename(report(), dir_ / "content/reports/2023-xunshi.md");
    write_file(dir_ / "content/reports/2024-zhuanxiang.md", kNewReport);
  }
  TempDir dir_;
};

TEST_F(E2ePublishShare, FreshFolderGetsTheWholeSite) {
  RunResult r = publish("share");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  size_t n = site_files();
  EXPECT_EQ(r.out, summary(n, "share", n, 0, 0));
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(hash_tree(dir_ / "share"), hash_tree(dir_ / "site"))
      << "the same files, manifest.json byte for byte, no journal or temporary file";
  EXPECT_EQ(case_twins(list_files(dir_ / "share")), std::vector<std::string>{});
  EXPECT_EQ(unbrowsable(dir_ / "share"), std::vector<std::string>{});

  RunResult v = verify("share");
  EXPECT_EQ(v.exit_code, 0) << v.err;
  EXPECT_EQ(v.out, "manifest.json sha256 " + manifest_sha256("site") +
                       " (dossier " DOSSIER_VERSION ", " + std::to_string(n) + " files)\nchecked " +
                       std::to_string(n) + " files in share: " + std::to_string(n) +
                       " match, 0 missing, 0 changed, 0 extra\n");
  EXPECT_EQ(v.err, "");
}

TEST_F(E2ePublishShare, PublishingAgainRewritesNothing) {
  ASSERT_EQ(publish("share").exit_code, 0);
  auto before = stamps(dir_ / "share");
  RunResult r = publish("share/");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, summary(site_files(), "share/", 0, site_files(), 0));
  EXPECT_EQ(stamps(dir_ / "share"), before);
}

// After one report changes and the site is rebuilt, only the files whose
// bytes changed are written; the others keep their inode and time.
TEST_F(E2ePublishShare, UpdateRewritesOnlyChangedFiles) {
  ASSERT_EQ(publish("share").exit_code, 0);
  auto old_hashes = hash_tree(dir_ / "site");
  auto before = stamps(dir_ / "share");
  std::string text = read_file(report());
  size_t at = text.find("巡察组反馈的问题及整改安排如下。");
  ASSERT_NE(at, std::string::npos);
  write_file(report(), text.insert(at, "本轮"));
  ASSERT_EQ(build().exit_code, 0);
  auto new_hashes = hash_tree(dir_ / "site");
  std::set<std::string> changed;
  for (const auto& [path, hash] : new_hashes)
    if (path != "manifest.json" && old_hashes[path] != hash) changed.insert(path);
  EXPECT_TRUE(changed.contains("reports/2023-xunshi-fankui/index.html"));
  EXPECT_LT(changed.size(), new_hashes.size() / 2);

  RunResult r = publish("share");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  size_t n = site_files();
  EXPECT_EQ(r.out, summary(n, "share", changed.size(), n - changed.size(), 0));
  auto after = stamps(dir_ / "share");
  for (const auto& [path, stamp] : before) {
    if (path == "manifest.json" || changed.contains(path)) continue;
    EXPECT_EQ(after[path], stamp) << path << " was rewritten";
  }
  EXPECT_EQ(hash_tree(dir_ / "share"), new_hashes);
  EXPECT_EQ(verify("share").exit_code, 0);
}

// Files that left the site go, with the folders they leave empty.
TEST_F(E2ePublishShare, RemovesStaleFilesAndTheirEmptyFolders) {
  ASSERT_EQ(publish("share").exit_code, 0);
  auto old_paths = manifest_paths(dir_ / "site");
  change_content();
  ASSERT_EQ(build().exit_code, 0);
  auto new_paths = manifest_paths(dir_ / "site");
  size_t stale = 0;
  for (const auto& p : old_paths)
    stale += !std::binary_search(new_paths.begin(), new_paths.end(), p);
  EXPECT_GT(stale, 0u);

  RunResult r = publish("share");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.ends_with(", " + std::to_string(stale) + " removed\n")) << r.out;
  EXPECT_FALSE(fs::exists(dir_ / "share/reports/2023-xunshi-fankui"));
  EXPECT_TRUE(fs::exists(dir_ / "share/years/2024/index.html"));
  EXPECT_EQ(hash_tree(dir_ / "share"), hash_tree(dir_ / "site"));
  EXPECT_EQ(verify("share").exit_code, 0);
}

// A missing or truncated file is copied again, though the manifest lists it.
TEST_F(E2ePublishShare, CopiesMissingAndTruncatedFilesAgain) {
  ASSERT_EQ(publish("share").exit_code, 0);
  fs::remove(dir_ / "share/ledger/ledger.csv");
  fs::resize_file(dir_ / "share/index.html", 10);
  RunResult r = publish("share");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, summary(site_files(), "share", 2, site_files() - 2, 0));
  EXPECT_EQ(hash_tree(dir_ / "share"), hash_tree(dir_ / "site"));
}

TEST_F(E2ePublishShare, RefusesAFolderThatIsNotADossierSite) {
  write_file(dir_ / "papers/notes.txt", "工作笔记\n");
  auto before = hash_tree(dir_ / "papers");
  RunResult r = publish("papers");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err,
            "dossier: refusing to publish into papers: it is not empty and not a dossier site (no "
            "manifest.json); --force publishes into it and leaves its other files alone\n");
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(hash_tree(dir_ / "papers"), before);
}

// With --force, the folder's own files stay, through later publishes too,
// and verify lists them as extra.
TEST_F(E2ePublishShare, ForceLeavesTheFoldersOwnFilesAlone) {
  write_file(dir_ / "papers/notes.txt", "工作笔记\n");
  write_file(dir_ / "papers/reports/draft.md", "# 草稿\n");
  RunResult r = run_dossier(dir_.path(), {"publish", "--to", "papers", "--force"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  change_content();
  ASSERT_EQ(build().exit_code, 0);
  ASSERT_EQ(publish("papers").exit_code, 0);
  EXPECT_EQ(read_file(dir_ / "papers/notes.txt"), "工作笔记\n");
  EXPECT_EQ(read_file(dir_ / "papers/reports/draft.md"), "# 草稿\n");
  EXPECT_FALSE(fs::exists(dir_ / "papers/reports/2023-xunshi-fankui"));
  RunResult v = verify("papers");
  EXPECT_EQ(v.exit_code, 1);
  std::vector<std::string> lines = lines_of(v.out);
  ASSERT_EQ(lines.size(), 4u) << v.out;
  EXPECT_EQ(lines[1], "extra    notes.txt");
  EXPECT_EQ(lines[2], "extra    reports/draft.md");
  EXPECT_TRUE(lines[3].ends_with(" match, 0 missing, 0 changed, 2 extra")) << lines[3];
}

// On a Windows share, two paths equal ignoring case would be one file.
TEST_F(E2ePublishShare, RefusesAManifestWithPathsEqualIgnoringCase) {
  write_file(dir_ / "odd/a.html", "<p>a</p>");
  write_file(dir_ / "odd/A.html", "<p>a</p>");
  std::string h = sha256_hex("<p>a</p>");
  write_file(dir_ / "odd/manifest.json", manifest_json({{"A.html", 8, h}, {"a.html", 8, h}}));
  RunResult r = publish("share", "odd");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err,
            "dossier: odd/manifest.json: lists A.html and a.html, which differ only in case: "
            "they would be one file on a Windows share\n");
  EXPECT_FALSE(fs::exists(dir_ / "share"));
}

TEST_F(E2ePublishShare, UsageErrors) {
  RunResult r = publish("share", "nothing");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "dossier: nothing is not a built site (no manifest.json): run dossier build "
            "first\n");
  r = publish("site/copy");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "dossier: the site folder site and the folder site/copy to publish into must "
            "not contain each other\n");
  EXPECT_EQ(run_dossier(dir_.path(), {"publish"}).exit_code, 2);  // --to is required
  r = verify("content");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "dossier: content is not a published site (no manifest.json)\n");
}

TEST_F(E2ePublishShare, AFolderThatCannotBeCreatedIsAnIoError) {
  write_file(dir_ / "file.txt", "x");
  RunResult r = publish("file.txt/share");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "dossier: cannot create file.txt/share: Not a directory\n");
}

// One publish at a time: while another holds the folder's lock, a publish
// refuses and changes nothing; once it lets go, the next one goes on and
// leaves no lock file behind.
TEST_F(E2ePublishShare, RefusesWhileAnotherPublishHoldsTheFolder) {
  ASSERT_EQ(publish("share").exit_code, 0);
  change_content();
  ASSERT_EQ(build().exit_code, 0);
  int held = ::open((dir_ / "share" / kLock).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  ASSERT_GE(held, 0);
  ASSERT_EQ(::flock(held, LOCK_EX | LOCK_NB), 0);
  auto before = hash_tree(dir_ / "share");
  RunResult r = publish("share");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "dossier: another publish into share is running (it holds share/" +
                       std::string(kLock) + "); publish again once it has finished\n");
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(hash_tree(dir_ / "share"), before);
  ::close(held);

  RunResult again = publish("share");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(hash_tree(dir_ / "share"), hash_tree(dir_ / "site")) << "no lock file left";
}

// A share that cannot lock (flock fails, as on NFS without lockd: the
// preloaded shim makes it so) is published after a warning, and no lock
// file is left in it.
TEST_F(E2ePublishShare, AFolderThatCannotLockIsPublishedAfterAWarning) {
  std::string asan = "ASAN_OPTIONS=verify_asan_link_order=0";  // the shim comes first
  if (const char* given = std::getenv("ASAN_OPTIONS")) asan += std::string(":") + given;
  RunResult r =
      run_command(dir_.path(), {"env", "LD_PRELOAD=" DOSSIER_NO_FLOCK_SHIM, asan, DOSSIER_BINARY,
                                "publish", "-d", "site", "--to", "share"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err,
            "dossier: warning: share cannot be locked (No locks available): make sure that no "
            "other publish writes into it meanwhile\n");
  EXPECT_EQ(r.out, summary(site_files(), "share", site_files(), 0, 0));
  EXPECT_EQ(hash_tree(dir_ / "share"), hash_tree(dir_ / "site")) << "no lock file left";
}

// Two real publishes started together, five times, alternating two sites:
// each either publishes or refuses because the other holds the folder, and
// the folder ends as the site published.
TEST_F(E2ePublishShare, TwoPublishesAtOnceDoNotMix) {
  change_content();
  ASSERT_EQ(build("site2").exit_code, 0);
  ASSERT_EQ(publish("share").exit_code, 0);
  for (int round = 0; round < 5; ++round) {
    std::string site = round % 2 == 0 ? "site2" : "site";
    std::vector<pid_t> pids;
    for (size_t k = 0; k < 2; ++k) {
      std::string name = "publish" + std::to_string(k);
      pids.push_back(start_command(dir_.path(),
                                   {DOSSIER_BINARY, "publish", "-d", site, "--to", "share"},
                                   dir_ / (name + ".out"), dir_ / (name + ".err")));
    }
    for (size_t k = 0; k < 2; ++k) {
      int status = 0;
      ASSERT_EQ(::waitpid(pids[k], &status, 0), pids[k]);
      std::string err = read_file(dir_ / ("publish" + std::to_string(k) + ".err"));
      ASSERT_TRUE(WIFEXITED(status));
      if (WEXITSTATUS(status) != 0) {
        EXPECT_EQ(WEXITSTATUS(status), 3);
        EXPECT_TRUE(Contains(err, "another publish into share is running")) << err;
      } else {
        EXPECT_EQ(err, "");
      }
    }
    EXPECT_EQ(hash_tree(dir_ / "share"), hash_tree(dir_ / site)) << "round " << round;
  }
}

// A publish killed leaves its lock file but not the lock: a folder holding
// only that file counts as empty, and verify does not list it.
TEST_F(E2ePublishShare, ALockFileLeftBehindStopsNothing) {
  write_file(dir_ / "share" / kLock, "");
  RunResult r = publish("share");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(hash_tree(dir_ / "share"), hash_tree(dir_ / "site"));
  write_file(dir_ / "share" / kLock, "");
  RunResult v = verify("share");
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  EXPECT_TRUE(v.out.ends_with(" 0 missing, 0 changed, 0 extra\n")) << v.out;
}

// A failure while copying leaves the folder as it was: no temporary file,
// no journal, no new folder.
TEST_F(E2ePublishShare, AFailedCopyLeavesTheFolderAsItWas) {
  ASSERT_EQ(publish("share").exit_code, 0);
  change_content();
  ASSERT_EQ(build().exit_code, 0);
  write_file(dir_ / "share/years/2024", "a file where a folder must go\n");
  auto before = hash_tree(dir_ / "share");
  RunResult r = publish("share");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(Contains(r.err, "dossier: cannot create folder share/years/2024: "));
  EXPECT_TRUE(r.err.ends_with("\ndossier: publish failed: share holds what it held before\n"))
      << r.err;
  EXPECT_EQ(hash_tree(dir_ / "share"), before);
  EXPECT_FALSE(fs::exists(dir_ / "share/reports/2024-zhuanxiang"));
}

// A site file that no longer matches the site's manifest.json (a build
// swapped in meanwhile, a file edited by hand) is not published.
TEST_F(E2ePublishShare, RefusesASiteFileThatDoesNotMatchItsManifest) {
  ASSERT_EQ(publish("share").exit_code, 0);
  change_content();
  ASSERT_EQ(build().exit_code, 0);
  write_file(dir_ / "site/years/2024/index.html", "edited\n");
  auto before = hash_tree(dir_ / "share");
  RunResult r = publish("share");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(Contains(r.err,
                       "dossier: site/years/2024/index.html is not what site/manifest.json "
                       "says: was the site rebuilt meanwhile? Publish again\n"));
  EXPECT_EQ(hash_tree(dir_ / "share"), before);
}

// verify names each difference: content changed at the same size, a file
// missing, a file extra.
TEST_F(E2ePublishShare, VerifyFindsTamperedMissingAndExtraFiles) {
  ASSERT_EQ(publish("share").exit_code, 0);
  std::string index = read_file(dir_ / "share/index.html");
  size_t at = index.find("</title>");
  ASSERT_NE(at, std::string::npos);
  index[at - 1] = index[at - 1] == 'x' ? 'y' : 'x';
  write_file(dir_ / "share/index.html", index);
  fs::remove(dir_ / "share/ledger/ledger.csv");
  write_file(dir_ / "share/units/notes.txt", "not published\n");
  size_t n = site_files();
  RunResult v = verify("share");
  EXPECT_EQ(v.exit_code, 1);
  EXPECT_EQ(v.out, "manifest.json sha256 " + manifest_sha256("site") +
                       " (dossier " DOSSIER_VERSION ", " + std::to_string(n) +
                       " files)\n"
                       "missing  ledger/ledger.csv\n"
                       "changed  index.html\n"
                       "extra    units/notes.txt\n"
                       "checked " +
                       std::to_string(n) + " files in share: " + std::to_string(n - 2) +
                       " match, 1 missing, 1 changed, 1 extra\n");
  EXPECT_EQ(v.err, "");
}

// Interrupts publishes at every step (the test hook), then publishes again.
class E2ePublishInterrupted : public E2ePublishShare {
 protected:
  // Publishes `site` into a copy of `base` killed at `step`; false when the
  // publish has fewer steps (it completed).
  bool publish_killed_at(int step, const std::string& base, const std::string& site) {
    std::error_code ec;
    fs::remove_all(dir_ / "t", ec);
    if (fs::exists(dir_ / base)) fs::copy(dir_ / base, dir_ / "t", fs::copy_options::recursive);
    RunResult r =
        run_dossier_env(dir_.path(), "DOSSIER_TEST_PUBLISH_KILL_AT_STEP=" + std::to_string(step),
                        {"publish", "-d", site, "--to", "t"});
    if (r.exit_code == 0) return false;
    EXPECT_EQ(r.exit_code, 137) << r.err;
    return true;
  }
  // Completes the publish of `site` into t; t must then match it exactly.
  void complete(const std::string& site, int step) {
    RunResult r = publish("t", site);
    ASSERT_EQ(r.exit_code, 0) << "step " << step << ": " << r.err;
    RunResult v = verify("t");
    EXPECT_EQ(v.exit_code, 0) << "step " << step << ": " << v.out << v.err;
    EXPECT_EQ(hash_tree(dir_ / "t"), hash_tree(dir_ / site)) << "step " << step;
  }
};

// An update killed at any step leaves the old or new version of each page,
// every link resolving; the next publish completes it.
TEST_F(E2ePublishInterrupted, UpdateKilledAtEveryStepStaysBrowsable) {
  fs::rename(dir_ / "site", dir_ / "site-a");
  ASSERT_EQ(publish("base", "site-a").exit_code, 0);
  change_content();
  ASSERT_EQ(build("site-b").exit_code, 0);
  int step = 1;
  for (; publish_killed_at(step, "base", "site-b"); ++step) {
    EXPECT_EQ(unbrowsable(dir_ / "t"), std::vector<std::string>{}) << "killed at step " << step;
    complete("site-b", step);
    if (testing::Test::HasFailure()) break;
  }
  EXPECT_GT(step, 20) << "the hook must reach every kind of step";
}

// What a killed publish wrote is removed by the next publish of another
// site that does not have it.
TEST_F(E2ePublishInterrupted, ResumingWithAnotherSiteRemovesWhatTheKilledOneWrote) {
  fs::rename(dir_ / "site", dir_ / "site-a");
  ASSERT_EQ(publish("base", "site-a").exit_code, 0);
  change_content();
  ASSERT_EQ(build("site-b").exit_code, 0);
  int step = 1;
  for (; publish_killed_at(step, "base", "site-b"); step += 3) {
    complete("site-a", step);
    EXPECT_FALSE(fs::exists(dir_ / "t/years/2024")) << "step " << step;
    if (testing::Test::HasFailure()) break;
  }
  EXPECT_GT(step, 20);
}

// A file of the folder's own that the site also has is not dossier's until
// dossier replaces it: a forced publish cut before that does not make the
// next publish remove it.
TEST_F(E2ePublishInterrupted, ACutForcedPublishLeavesTheFoldersOwnFiles) {
  fs::rename(dir_ / "site", dir_ / "site-a");
  change_content();
  ASSERT_EQ(build("site-b").exit_code, 0);
  write_file(dir_ / "base/years/2024/index.html", "<p>our own page</p>\n");
  write_file(dir_ / "base/notes.txt", "工作笔记\n");
  // Killed in its last copy: every temporary file written, none renamed.
  std::string steps = std::to_string(manifest_paths(dir_ / "site-b").size());
  RunResult r = run_dossier_env(dir_.path(), "DOSSIER_TEST_PUBLISH_KILL_AT_STEP=" + steps,
                                {"publish", "-d", "site-b", "--to", "base", "--force"});
  ASSERT_EQ(r.exit_code, 137) << r.err;
  EXPECT_TRUE(fs::exists(dir_ / "base/years/2024/.index.html~dossier-tmp"));

  r = publish("base", "site-a");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file(dir_ / "base/years/2024/index.html"), "<p>our own page</p>\n");
  EXPECT_FALSE(fs::exists(dir_ / "base/years/2024/.index.html~dossier-tmp"));
  RunResult v = verify("base");
  EXPECT_EQ(v.exit_code, 1);
  std::vector<std::string> lines = lines_of(v.out);
  ASSERT_EQ(lines.size(), 4u) << v.out;
  EXPECT_EQ(lines[1], "extra    notes.txt");
  EXPECT_EQ(lines[2], "extra    years/2024/index.html");
}

// A first publish killed at any step: no page ever has a dead link (pages
// appear as placeholders first), and publishing again needs no --force.
TEST_F(E2ePublishInterrupted, FreshPublishKilledAtEveryStepResumes) {
  int step = 1;
  for (; publish_killed_at(step, "none", "site"); ++step) {
    bool has_pages = fs::exists(dir_ / "t") && !load_pages(dir_ / "t").empty();
    EXPECT_EQ(unbrowsable(dir_ / "t", has_pages), std::vector<std::string>{}) << "step " << step;
    complete("site", step);
    if (testing::Test::HasFailure()) break;
  }
  EXPECT_GT(step, 20);
}

// A content folder of `reports` reports in a few units, each with an issue
// and a measure; `variant` changes every third report's text, drops the
// first ten and adds ten.
void write_large_content(const fs::path& dir, int reports, int variant) {
  write_file(dir / "site.yaml", "title: 大型测试档案\nlanguage: zh-CN\nas_of: 2024-03-01\n");
  const char* units[] = {"市一局", "市二局", "市三局", "市四局"};
  const char* topics[] = {"作风建设", "清廉建设", "干部队伍", "意识形态", "财务管理"};
  for (int u = 0; u < 4; ++u)
    write_file(dir / ("units/u" + std::to_string(u) + ".md"),
               std::string("---\ntitle: ") + units[u] + "\n---\n");
  int first = variant ? 10 : 0, last = reports + (variant ? 10 : 0);
  for (int i = first; i < last; ++i) {
    std::string n = std::to_string(i), month = std::to_string(1 + i % 12);
    if (month.size() == 1) month = "0" + month;
    std::string changed = variant && i % 3 == 0 ? "（修订）" : "";
    write_file(
        dir / ("reports/r" + n + ".md"),
        "---\ntitle: 第" + n + "号检查报告" + changed + "\ndate: 2023-" + month + "-15\nunit: " +
            units[i % 4] + "\ntopics: [" + topics[i % 5] + "]\nissues:\n  - id: I1\n    title: 第" +
            n + "号问题\nmeasures:\n  - id: M1\n    title: 第" + n +
            "号措施\n    addresses: [I1]\n    owner: 办公室\n    due: 2024-06-30\n---\n\n"
            "## 第" +
            n + "号问题 {#I1}\n\n检查发现编号" + n + "的" + topics[(i * 7) % 5] + "问题" + changed +
            "，涉及" + units[(i + 1) % 4] + "的制度执行、台账管理和整改落实情况。\n");
  }
}

// Builds the large site `variant` once per test binary.
fs::path large_site(int variant) {
  return cached_dir("publish-large-" + std::to_string(variant), [variant](const fs::path& dir) {
    write_large_content(dir / "content", 400, variant);
    RunResult r = run_dossier(dir, {"build", "content", "-o", "site"});
    if (r.exit_code != 0) throw std::runtime_error("large site: " + r.err);
  });
}

// Counts the journal's lines that start with `verb`.
size_t journal_lines(const fs::path& dir, std::string_view verb) {
  std::error_code ec;
  if (!fs::exists(dir / kJournal, ec)) return 0;
  size_t n = 0;
  for (const auto& line : lines_of(read_file(dir / kJournal))) n += line.starts_with(verb);
  return n;
}

// Runs `dossier publish` and sends it SIGKILL once its journal holds
// `count` lines starting with `verb`. Returns its exit code (137 when
// killed, 0 when it finished first).
int publish_and_kill(const fs::path& site, const fs::path& to, std::string_view verb,
                     size_t count) {
  pid_t pid = ::fork();
  if (pid == 0) {
    int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::dup2(null, 2);
    ::execl(DOSSIER_BINARY, DOSSIER_BINARY, "publish", "-d", site.c_str(), "--to", to.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int status = 0;
  for (;;) {
    if (::waitpid(pid, &status, WNOHANG) == pid) break;
    if (journal_lines(to, verb) >= count) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Kills a publish of `site` into `to` as publish_and_kill does. On a busy
// machine the publish may finish before the test sees its journal reach
// `count` lines: then `to` is put back as it was and it tries again.
testing::AssertionResult killed_during(const fs::path& site, const fs::path& to,
                                       std::string_view verb, size_t count) {
  fs::path before = to.parent_path() / "before-kill";
  fs::remove_all(before);
  fs::copy(to, before, fs::copy_options::recursive);
  for (int attempt = 1; attempt <= 5; ++attempt) {
    int code = publish_and_kill(site, to, verb, count);
    if (code == 137) return testing::AssertionSuccess();
    if (code != 0) return testing::AssertionFailure() << "publish exited with " << code;
    fs::remove_all(to);
    fs::copy(before, to, fs::copy_options::recursive);
  }
  return testing::AssertionFailure() << "the publish finished before its kill, five times";
}

// SIGKILL while copying, then while renaming into place, on a site of
// 400 reports; each time the folder is browsable, and the next publish
// completes it.
TEST(E2ePublishKilled, LargeSiteKilledTwiceThenCompleted) {
  TempDir dir;
  fs::path a = large_site(0), b = large_site(1);
  RunResult r = run_dossier(dir.path(), {"publish", "-d", (a / "site").string(), "--to", "share"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(unbrowsable(dir / "share"), std::vector<std::string>{});
  size_t copies = 0;
  auto old_hashes = hash_tree(a / "site");
  for (const auto& [path, hash] : hash_tree(b / "site")) copies += old_hashes[path] != hash;
  ASSERT_GT(copies, 300u);

  ASSERT_TRUE(killed_during(b / "site", dir / "share", "temp ", copies / 3));
  EXPECT_EQ(journal_lines(dir / "share", "write "), 0u) << "killed while copying";
  EXPECT_EQ(unbrowsable(dir / "share"), std::vector<std::string>{});
  EXPECT_EQ(hash_tree(dir / "share").at("index.html"), old_hashes.at("index.html"));

  ASSERT_TRUE(killed_during(b / "site", dir / "share", "write ", copies / 3));
  EXPECT_LT(journal_lines(dir / "share", "write "), copies) << "killed while renaming";
  EXPECT_EQ(read_file(dir / "share/manifest.json"), read_file(a / "site/manifest.json"));
  EXPECT_EQ(unbrowsable(dir / "share"), std::vector<std::string>{});

  r = run_dossier(dir.path(), {"publish", "-d", (b / "site").string(), "--to", "share"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(run_dossier(dir.path(), {"verify", "share"}).exit_code, 0);
  EXPECT_EQ(hash_tree(dir / "share"), hash_tree(b / "site"));
}

}  // namespace
}  // namespace dossier::e2e
