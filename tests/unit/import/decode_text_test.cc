// Encoding detection of imported .txt files.
#include "import/decode_text.h"

#include <gtest/gtest.h>
#include <unicode/unistr.h>

namespace dossier {
namespace {

std::string encode(const std::string& utf8, const char* encoding) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  std::string out(static_cast<size_t>(u.length()) * 4 + 4, '\0');
  int32_t n = u.extract(0, u.length(), out.data(), static_cast<uint32_t>(out.size()), encoding);
  out.resize(static_cast<size_t>(n));
  return out;
}

const std::string kText =
    "今年以来，市文化和旅游局认真落实全面从严治党主体责任。\n二、存在的问题\n";

TEST(ImportDecode, Utf8WithAndWithoutBom) {
  auto plain = decode_text(kText);
  ASSERT_TRUE(plain.is_ok());
  EXPECT_EQ(plain.value().encoding, "UTF-8");
  auto bom = decode_text("\xEF\xBB\xBF" + kText);
  ASSERT_TRUE(bom.is_ok());
  EXPECT_EQ(bom.value().text, kText);
  EXPECT_EQ(bom.value().encoding, "UTF-8 (BOM)");
}

TEST(ImportDecode, Gbk) {
  auto r = decode_text(encode(kText, "GBK"));
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  EXPECT_EQ(r.value().text, kText);
  EXPECT_EQ(r.value().encoding, "GB18030");
}

TEST(ImportDecode, Utf16WithBomAndDetected) {
  auto le = decode_text("\xFF\xFE" + encode(kText, "UTF-16LE"));
  ASSERT_TRUE(le.is_ok());
  EXPECT_EQ(le.value().text, kText);
  auto be = decode_text(encode("Report 2023\n" + kText, "UTF-16BE"));
  ASSERT_TRUE(be.is_ok());
  EXPECT_EQ(be.value().encoding, "UTF-16BE");
  EXPECT_EQ(be.value().text, "Report 2023\n" + kText);
}

TEST(ImportDecode, RefusesWhatIsNotText) {
  EXPECT_EQ(decode_text("").status().message(), "the file is empty");
  EXPECT_EQ(decode_text("  \n\n").status().message(), "the file holds no text");
  std::string binary = "\x89PNG\r\n\x1a\n";
  binary += std::string("\x00\x00\x00\x0dIHDR\x01\x02\x03\x04\x05\x06", 14);
  EXPECT_FALSE(decode_text(binary).is_ok());
  std::string huge(kMaxImportBytes + 1, 'a');
  EXPECT_NE(decode_text(huge).status().message().find("too large"), std::string::npos);
}

}  // namespace
}  // namespace dossier
