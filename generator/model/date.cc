// Date parsing and formatting.
#include "model/date.h"

#include <chrono>
#include <ctime>

namespace dossier {

std::string Date::iso() const {
  std::string s = "0000-00-00";
  auto put = [&](int at, int width, int value) {
    for (int i = at + width - 1; i >= at; --i, value /= 10)
      s[static_cast<size_t>(i)] = static_cast<char>('0' + value % 10);
  };
  put(0, 4, year);
  put(5, 2, month);
  put(8, 2, day);
  return s;
}

std::optional<Date> parse_date(std::string_view t, DateError* error) {
  auto fail = [&](DateError e) -> std::optional<Date> {
    if (error) *error = e;
    return std::nullopt;
  };
  auto digits = [&](size_t from, size_t n) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (t[i] < '0' || t[i] > '9') return -1;
      v = v * 10 + (t[i] - '0');
    }
    return v;
  };
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return fail(DateError::kMalformed);
  int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (y < 0 || m < 0 || d < 0) return fail(DateError::kMalformed);
  std::chrono::year_month_day ymd{std::chrono::year(y),
                                  std::chrono::month(static_cast<unsigned>(m)),
                                  std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok() || y < 1900) return fail(DateError::kImpossible);
  if (error) *error = DateError::kNone;
  return Date{y, m, d};
}

Date today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

}  // namespace dossier
