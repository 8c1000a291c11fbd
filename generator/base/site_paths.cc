// Slug and id rules, pinyin slugs, page paths and relative URLs.
#include "base/site_paths.h"

#include <memory>
#include <mutex>

#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace dossier {

static bool is_lower_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
static bool is_alnum(char c) {
  return is_lower_alnum(c) || (c >= 'A' && c <= 'Z');
}

bool is_valid_slug(std::string_view s) {
  if (s.empty() || s.size() > 80 || !is_lower_alnum(s[0])) return false;
  for (char c : s)
    if (!is_lower_alnum(c) && c != '-') return false;
  return true;
}

bool is_valid_item_id(std::string_view s) {
  if (s.empty() || s.size() > 64 || !is_alnum(s[0])) return false;
  for (char c : s)
    if (!is_alnum(c) && c != '-' && c != '_') return false;
  return true;
}

static std::string to_ascii(std::string_view name) {
  static std::mutex mutex;
  static std::unique_ptr<icu::Transliterator> translit;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  {
    std::lock_guard lock(mutex);
    if (!translit) {
      UErrorCode status = U_ZERO_ERROR;
      translit.reset(icu::Transliterator::createInstance("Han-Latin; Latin-ASCII; Lower",
                                                         UTRANS_FORWARD, status));
      if (U_FAILURE(status)) translit.reset();
    }
    if (translit) translit->transliterate(text);
  }
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::string slugify(std::string_view name) {
  std::string ascii = to_ascii(name), slug;
  for (char c : ascii) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (is_lower_alnum(c)) {
      slug += c;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
    if (slug.size() >= 60) break;
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? "x" : slug;
}

namespace site_path {
std::string report(std::string_view id) {
  return "reports/" + std::string(id) + "/index.html";
}
std::string regulation(std::string_view slug) {
  return "regulations/" + std::string(slug) + "/index.html";
}
std::string unit(std::string_view slug) {
  return "units/" + std::string(slug) + "/index.html";
}
std::string topic(std::string_view slug) {
  return "topics/" + std::string(slug) + "/index.html";
}
std::string year(int y) {
  return "years/" + std::to_string(y) + "/index.html";
}

static std::string ascii_name(std::string_view name, bool is_file) {
  std::string lower;
  bool plain = !name.empty() && name[0] != '.';
  for (char c : name) {
    char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (!is_lower_alnum(l) && l != '-' && l != '_' && l != '.') plain = false;
    lower += l;
  }
  if (plain) return lower;
  size_t dot = is_file ? lower.rfind('.') : std::string::npos;
  std::string ext = dot == std::string::npos ? "" : ascii_name(lower.substr(dot + 1), false);
  std::string stem = slugify(dot == std::string::npos ? name : name.substr(0, dot));
  return ext.empty() ? stem : stem + "." + ext;
}

std::string asset(std::string_view source_path) {
  std::string out;
  size_t start = 0;
  while (start <= source_path.size()) {
    size_t slash = source_path.find('/', start);
    bool last = slash == std::string_view::npos;
    std::string_view part =
        source_path.substr(start, last ? std::string_view::npos : slash - start);
    if (!out.empty()) out += '/';
    out += ascii_name(part, last);
    if (last) break;
    start = slash + 1;
  }
  return out;
}
}  // namespace site_path

std::string_view url_scheme(std::string_view url) {
  for (size_t i = 0; i < url.size(); ++i) {
    char c = url[i];
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c == ':') return i > 1 ? url.substr(0, i) : std::string_view{};
    if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')))
      return {};
  }
  return {};
}

bool is_dossier_scheme(std::string_view s) {
  return s == "report" || s == "issue" || s == "measure" || s == "reg" || s == "unit" ||
         s == "topic";
}

static bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

bool is_data_url(std::string_view url) {
  return starts_with_nocase(url, "data:");
}

bool is_safe_data_image(std::string_view url) {
  for (std::string_view type :
       {"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"})
    if (starts_with_nocase(url, type)) return true;
  return false;
}

bool is_archive_link(std::string_view url) {
  std::string_view scheme = url_scheme(url);
  if (!scheme.empty()) return is_dossier_scheme(scheme);
  return !url.empty() && !url.starts_with('#') && !url.starts_with("//");
}

std::string relative_url(std::string_view from, std::string_view to) {
  std::string url;
  for (char c : from)
    if (c == '/') url += "../";
  url += to;
  return url;
}

}  // namespace dossier
