// Fitting a request's ranges to the body sent (serve/byte_ranges.h): kept,
// clamped at the end, dropped past it, or none left; and If-Range.
#include "serve/byte_ranges.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

httplib::Ranges fitted(httplib::Ranges ranges, size_t size, RangeFit want) {
  EXPECT_EQ(fit_ranges(ranges, size), want);
  return ranges;
}

TEST(ByteRanges, NoRangesIsTheWholeBody) {
  EXPECT_EQ(fitted({}, 100, RangeFit::kWhole), httplib::Ranges{});
}

TEST(ByteRanges, RangesWithinTheBodyStayAsAsked) {
  httplib::Ranges want = {{0, 9}, {20, 29}};
  EXPECT_EQ(fitted(want, 100, RangeFit::kPartial), want);
}

TEST(ByteRanges, OpenAndSuffixRangesEndAtTheLastByte) {
  EXPECT_EQ(fitted({{90, -1}}, 100, RangeFit::kPartial), (httplib::Ranges{{90, 99}}));
  EXPECT_EQ(fitted({{-1, 10}}, 100, RangeFit::kPartial), (httplib::Ranges{{90, 99}}));
  EXPECT_EQ(fitted({{-1, 500}}, 100, RangeFit::kPartial), (httplib::Ranges{{0, 99}}));
}

TEST(ByteRanges, ARangeRunningPastTheEndStopsThere) {
  EXPECT_EQ(fitted({{99, 5000}}, 100, RangeFit::kPartial), (httplib::Ranges{{99, 99}}));
}

TEST(ByteRanges, RangesPastTheEndAreDroppedAndNoneLeftIsUnsatisfiable) {
  EXPECT_EQ(fitted({{100, -1}, {5, 6}}, 100, RangeFit::kPartial), (httplib::Ranges{{5, 6}}));
  fitted({{100, -1}}, 100, RangeFit::kUnsatisfiable);
  fitted({{0, 0}}, 0, RangeFit::kUnsatisfiable);
  fitted({{-1, 0}}, 100, RangeFit::kUnsatisfiable);
  fitted({{7, 3}}, 100, RangeFit::kUnsatisfiable);
}

TEST(ByteRanges, ManyRangesAreIgnored) {
  httplib::Ranges many(17, {0, 99});
  EXPECT_EQ(fitted(many, 100, RangeFit::kWhole), httplib::Ranges{});
}

TEST(IfRange, RangesApplyOnlyToTheRepresentationTheClientNames) {
  const std::string etag = "\"abc\"", date = "Sun, 22 Nov 2026 10:00:00 GMT";
  EXPECT_TRUE(if_range_holds("", etag, date));
  EXPECT_TRUE(if_range_holds("\"abc\"", etag, date));
  EXPECT_TRUE(if_range_holds(date, etag, date));
  EXPECT_FALSE(if_range_holds("\"old\"", etag, date));
  EXPECT_FALSE(if_range_holds("W/\"abc\"", etag, date));  // a weak tag is never enough
  EXPECT_FALSE(if_range_holds("Sat, 21 Nov 2026 10:00:00 GMT", etag, date));
  EXPECT_FALSE(if_range_holds(date, etag, ""));
}

}  // namespace
}  // namespace dossier
