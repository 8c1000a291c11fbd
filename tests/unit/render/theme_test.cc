// Tests for render/theme: the built-in theme, an override folder replacing
// and adding files, auto-escaping, and a broken template reported.
#include "render/theme.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "../test_support.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

class ThemeTest : public ::testing::Test {
 protected:
  void write(const std::string& rel, const std::string& data) {
    test::write_file(dir_ / rel, data);
  }
  test::TempDir temp_;
  fs::path dir_ = temp_.path();
};

TEST_F(ThemeTest, BuiltInThemeLoads) {
  auto theme = Theme::load("");
  ASSERT_TRUE(theme.is_ok()) << theme.status().message();
  EXPECT_TRUE(theme.value().static_files().contains("style.css"));
  EXPECT_TRUE(theme.value().static_files().contains("print.css"));
  Dict d("404");
  d.SetValue("home", "../index.html");
  EXPECT_NE(theme.value().render("404", d).find("href=\"../index.html\""), std::string::npos);
}

TEST_F(ThemeTest, OverrideReplacesAndAddsFiles) {
  write("templates/404.tpl", "<p>{{home}}</p>\n");
  write("templates/extra.tpl", "<b>{{x}}</b>\n");
  write("static/style.css", "body{}");
  write("static/img/logo.svg", "<svg/>");
  write("notes.txt", "ignored");
  auto theme = Theme::load(dir_.string());
  ASSERT_TRUE(theme.is_ok()) << theme.status().message();
  Dict d("404");
  d.SetValue("home", "<首页>");
  EXPECT_EQ(theme.value().render("404", d), "<p>&lt;首页&gt;</p>\n");  // escaped as HTML
  Dict e("extra");
  e.SetValue("x", "甲&乙");
  EXPECT_EQ(theme.value().render("extra", e), "<b>甲&amp;乙</b>\n");
  const auto& statics = theme.value().static_files();
  EXPECT_EQ(statics.at("style.css"), "body{}");
  EXPECT_EQ(statics.at("img/logo.svg"), "<svg/>");
  EXPECT_TRUE(statics.contains("print.css"));  // not overridden: the built-in one
  EXPECT_FALSE(statics.contains("notes.txt"));
}

TEST_F(ThemeTest, UrlsInAttributesAreCheckedByTheEscaper) {
  write("templates/link.tpl", "<a href=\"{{href}}\">{{label}}</a>\n");
  auto theme = Theme::load(dir_.string());
  ASSERT_TRUE(theme.is_ok()) << theme.status().message();
  Dict d("link");
  d.SetValue("href", "javascript:alert(1)");
  d.SetValue("label", "<script>");
  EXPECT_EQ(theme.value().render("link", d), "<a href=\"#\">&lt;script&gt;</a>\n");
}

TEST_F(ThemeTest, BrokenTemplateIsReported) {
  write("templates/404.tpl", "{{#open}}never closed\n");
  auto theme = Theme::load(dir_.string());
  ASSERT_FALSE(theme.is_ok());
  EXPECT_EQ(theme.status().message(), "theme template 404.tpl does not parse");
}

TEST_F(ThemeTest, MissingOverrideFolder) {
  auto theme = Theme::load((dir_ / "none").string());
  ASSERT_FALSE(theme.is_ok());
  EXPECT_EQ(theme.status().message(), "theme folder not found: " + (dir_ / "none").string());
}

}  // namespace
}  // namespace dossier
