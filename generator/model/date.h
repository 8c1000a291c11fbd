// Date: a calendar day as written in front matter (YYYY-MM-DD).
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace dossier {

struct Date {
  int year = 0, month = 0, day = 0;

  std::string iso() const;  // "2023-07-10"
  friend auto operator<=>(const Date&, const Date&) = default;
};

enum class DateError { kNone, kMalformed, kImpossible };

// Parses "YYYY-MM-DD"; `error` says whether text was malformed or named a day
// that does not exist (2023-02-30).
std::optional<Date> parse_date(std::string_view text, DateError* error = nullptr);

// Today's date in local time.
Date today();

}  // namespace dossier
