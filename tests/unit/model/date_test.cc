// Tests for model/date: YYYY-MM-DD, malformed versus impossible days.
#include "model/date.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

DateError error_of(std::string_view text) {
  DateError e = DateError::kNone;
  parse_date(text, &e);
  return e;
}

TEST(ParseDate, ValidDates) {
  DateError e = DateError::kMalformed;
  EXPECT_EQ(parse_date("2023-07-10", &e), (Date{2023, 7, 10}));
  EXPECT_EQ(e, DateError::kNone);
  EXPECT_EQ(parse_date("2023-12-31"), (Date{2023, 12, 31}));
  EXPECT_EQ(parse_date("2023-07-10")->iso(), "2023-07-10");
}

TEST(ParseDate, Malformed) {
  for (std::string_view t : {"", "2023-7-10", "2023/07/10", "2023-07-10 ", "20230710", "2023-07-1x",
                             "二〇二三年七月十日", "+023-07-10", "2023-07-100"}) {
    EXPECT_EQ(parse_date(t), std::nullopt) << t;
    EXPECT_EQ(error_of(t), DateError::kMalformed) << t;
  }
}

TEST(ParseDate, Impossible) {
  for (std::string_view t : {"2023-02-30", "2023-02-29", "2023-04-31", "2023-13-01", "2023-00-10",
                             "2023-01-00", "1900-02-29"}) {
    EXPECT_EQ(parse_date(t), std::nullopt) << t;
    EXPECT_EQ(error_of(t), DateError::kImpossible) << t;
  }
}

TEST(ParseDate, LeapYears) {
  EXPECT_EQ(parse_date("2024-02-29"), (Date{2024, 2, 29}));
  EXPECT_EQ(parse_date("2000-02-29"), (Date{2000, 2, 29}));
  EXPECT_EQ(error_of("2100-02-29"), DateError::kImpossible);
}

TEST(Date, Ordering) {
  EXPECT_LT((Date{2023, 12, 31}), (Date{2024, 1, 1}));
  EXPECT_LT((Date{2024, 1, 31}), (Date{2024, 2, 1}));
  EXPECT_EQ((Date{2024, 1, 1}), (Date{2024, 1, 1}));
  EXPECT_EQ((Date{2023, 1, 5}).iso(), "2023-01-05");
}

}  // namespace
}  // namespace dossier
