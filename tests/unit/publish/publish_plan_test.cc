// Tests for publish/publish_plan: what is copied and in which order, which
// pages get a placeholder, what is removed (only what dossier wrote).
#include "publish/publish_plan.h"

#include <gtest/gtest.h>

#include <map>

namespace dossier {
namespace {

const std::string kAbc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
const std::string kEmpty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

class PublishPlanTest : public testing::Test {
 protected:
  // Plans publishing `site` into a folder holding `files` (path -> size).
  PublishPlan plan(const Manifest& site, const TargetState& state) {
    return plan_publish(site, state, [this](const std::string& path) -> std::optional<uint64_t> {
      auto it = files_.find(path);
      if (it == files_.end()) return std::nullopt;
      return it->second;
    });
  }
  static std::vector<std::string> paths(const std::vector<ManifestEntry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(e.path);
    return out;
  }
  std::map<std::string, uint64_t> files_;
};

TEST_F(PublishPlanTest, AnEmptyFolderGetsEverythingInOrder) {
  Manifest site{"dossier 1",
                {{"404.html", 3, kAbc},
                 {"index.html", 3, kAbc},
                 {"reports/a/index.html", 3, kAbc},
                 {"search/static/meta.js", 3, kAbc},
                 {"theme/style.css", 3, kAbc}}};
  PublishPlan p = plan(site, TargetState{});
  // Other files, then pages, the root index.html last.
  EXPECT_EQ(paths(p.copy),
            (std::vector<std::string>{"search/static/meta.js", "theme/style.css", "404.html",
                                      "reports/a/index.html", "index.html"}));
  // Placeholders for the pages, the way in first.
  EXPECT_EQ(p.placeholders,
            (std::vector<std::string>{"index.html", "404.html", "reports/a/index.html"}));
  EXPECT_TRUE(p.remove.empty());
  EXPECT_EQ(p.unchanged, 0u);
}

TEST_F(PublishPlanTest, CopiesOnlyWhatDiffers) {
  Manifest old{
      "dossier 1",
      {{"a.html", 3, kAbc}, {"b.html", 3, kAbc}, {"c.html", 3, kAbc}, {"d.html", 3, kAbc}}};
  Manifest site{
      "dossier 1",
      {{"a.html", 3, kAbc}, {"b.html", 0, kEmpty}, {"c.html", 3, kAbc}, {"d.html", 3, kAbc}}};
  files_ = {{"a.html", 3}, {"b.html", 3}, {"c.html", 2}};  // c.html cut short, d.html gone
  PublishPlan p = plan(site, state_from_manifest(&old));
  EXPECT_EQ(paths(p.copy), (std::vector<std::string>{"b.html", "c.html", "d.html"}));
  EXPECT_EQ(p.placeholders, std::vector<std::string>{"d.html"});
  EXPECT_EQ(p.unchanged, 1u);
}

// A file dossier does not know (the folder's own, or one a cut publish
// may have replaced and that was not read back) is copied even when its size
// is right.
TEST_F(PublishPlanTest, CopiesOverFilesOfUnknownContent) {
  Manifest site{"dossier 1", {{"a.html", 3, kAbc}}};
  files_ = {{"a.html", 3}};
  EXPECT_EQ(paths(plan(site, TargetState{}).copy), std::vector<std::string>{"a.html"});
  TargetState state = state_from_manifest(&site);
  EXPECT_TRUE(plan(site, state).copy.empty());
  ASSERT_TRUE(apply_journal("write a.html\n", state).is_ok());
  EXPECT_EQ(paths(plan(site, state).copy), std::vector<std::string>{"a.html"});
}

TEST_F(PublishPlanTest, RemovesOnlyFilesDossierWrote) {
  Manifest old{"dossier 1", {{"gone.html", 3, kAbc}, {"kept.html", 3, kAbc}}};
  TargetState state = state_from_manifest(&old);
  ASSERT_TRUE(apply_journal("temp notes.txt\nwrite cut/new.html\n", state).is_ok());
  files_ = {{"gone.html", 3}, {"kept.html", 3}, {"cut/new.html", 3}, {"notes.txt", 3}};
  Manifest site{"dossier 1", {{"kept.html", 3, kAbc}}};
  PublishPlan p = plan(site, state);
  EXPECT_EQ(p.remove, (std::vector<std::string>{"cut/new.html", "gone.html"}));
  EXPECT_TRUE(p.copy.empty());
}

}  // namespace
}  // namespace dossier
