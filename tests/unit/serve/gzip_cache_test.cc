// gzip copies (serve/gzip_cache.h): what zlib reads back, made once per
// ETag, found by ETag alone, and a full cache starting again.
#include "serve/gzip_cache.h"

#include <zlib.h>

#include <gtest/gtest.h>

namespace dossier {
namespace {

std::string gunzip(const std::string& data) {
  z_stream z{};
  inflateInit2(&z, 15 + 16);
  std::string out(1 << 20, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int result = inflate(&z, Z_FINISH);
  out.resize(z.total_out);
  inflateEnd(&z);
  return result == Z_STREAM_END ? out : "(not gzip)";
}

TEST(Gzip, ReadsBackAsTheOriginal) {
  std::string page = "<p>整改措施</p>\n";
  for (int i = 0; i < 10; ++i) page += page;
  std::string z = gzip(page);
  EXPECT_LT(z.size(), page.size() / 10);
  EXPECT_EQ(z.substr(0, 2), "\x1f\x8b");  // the gzip magic
  EXPECT_EQ(gunzip(z), page);
  EXPECT_EQ(gunzip(gzip("")), "");
}

TEST(GzipCache, OneCopyPerEtagUntilFull) {
  GzipCache cache(100);
  auto first = cache.get("\"a\"", "hello hello hello");
  ASSERT_TRUE(first);
  EXPECT_EQ(gunzip(*first), "hello hello hello");
  EXPECT_EQ(cache.get("\"a\"", "ignored: same ETag, same content"), first);
  auto other = cache.get("\"b\"", std::string(50, 'x'));
  EXPECT_EQ(gunzip(*other), std::string(50, 'x'));
  // Over 100 bytes: the cache starts again, so "a" is made anew.
  cache.get("\"c\"", std::string(5000, 'y') + std::string(100, 'z'));
  cache.get("\"d\"", "1234567890abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  EXPECT_NE(cache.get("\"a\"", "hello hello hello"), first);
}

// find: the copy made for an ETag without the body (so the file need not be
// read), null before one is made and after the cache started again.
TEST(GzipCache, FindsACopyByEtagAlone) {
  GzipCache cache(100);
  EXPECT_EQ(cache.find("\"a\""), nullptr);
  auto made = cache.get("\"a\"", "hello hello hello");
  ASSERT_TRUE(made);
  EXPECT_EQ(cache.find("\"a\""), made);
  EXPECT_EQ(gunzip(*cache.find("\"a\"")), "hello hello hello");
  EXPECT_EQ(cache.find("\"b\""), nullptr);
  cache.get("\"c\"", std::string(5000, 'y') + std::string(100, 'z'));
  cache.get("\"d\"", "1234567890abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  EXPECT_EQ(cache.find("\"a\""), nullptr);
}

}  // namespace
}  // namespace dossier
