// The shape of the site in one place (SPEC §4): which names are valid ids
// and slugs, how a Chinese name becomes an ASCII slug, where every page is
// written, and how one page links to another with a relative URL.
#pragma once

#include <string>
#include <string_view>

namespace dossier {

// Report ids and registry slugs: [a-z0-9][a-z0-9-]*, at most 80 characters.
bool is_valid_slug(std::string_view s);
// Issue and measure ids: [A-Za-z0-9][A-Za-z0-9_-]*, at most 64 characters.
bool is_valid_item_id(std::string_view s);

// An ASCII slug for a name: Chinese in pinyin (ICU Han-Latin), lower case,
// runs of other characters as one '-', at most 60 characters; "x" if
// nothing is left. Stable for the same input and ICU version.
std::string slugify(std::string_view name);

// Output paths, relative to the site folder.
namespace site_path {
inline constexpr std::string_view kIndex = "index.html";
inline constexpr std::string_view kReports = "reports/index.html";
inline constexpr std::string_view kLedger = "ledger/index.html";
inline constexpr std::string_view kLedgerCsv = "ledger/ledger.csv";
inline constexpr std::string_view kRegulations = "regulations/index.html";
inline constexpr std::string_view kUnits = "units/index.html";
inline constexpr std::string_view kTopics = "topics/index.html";
inline constexpr std::string_view kYears = "years/index.html";
inline constexpr std::string_view kSearch = "search/index.html";
inline constexpr std::string_view kNotFound = "404.html";
inline constexpr std::string_view kSitemap = "sitemap.xml";
inline constexpr std::string_view kManifest = "manifest.json";
inline constexpr std::string_view kThemeDir = "theme/";  // the theme's static files

std::string report(std::string_view id);
std::string regulation(std::string_view slug);
std::string unit(std::string_view slug);
std::string topic(std::string_view slug);
std::string year(int year);
// Where a content file under assets/ is copied: each folder and file name
// made ASCII lower case (slugify for other names), extension kept.
std::string asset(std::string_view source_path);
}  // namespace site_path

// The scheme of a URL ("https", "reg"), or "" when it has none (a relative
// path; a Windows drive "C:" counts as none).
std::string_view url_scheme(std::string_view url);

// Whether a link written in a body points into the archive and is resolved
// by dossier: one of the schemes report: issue: measure: reg: unit: topic:
// (SPEC §2.3) or a relative path. Same-page "#…", "//host" and other
// schemes are left as written.
bool is_archive_link(std::string_view url);
bool is_dossier_scheme(std::string_view scheme);

// data: URLs in images: cmark's safe mode keeps only PNG, GIF, JPEG and WebP.
bool is_data_url(std::string_view url);
bool is_safe_data_image(std::string_view url);

// Longest output path allowed (Windows shares).
inline constexpr size_t kMaxOutputPath = 200;

// A relative URL from the page at `from` to the file at `to` (both relative
// to the site root, e.g. "reports/a/index.html" -> "../../units/b/index.html").
std::string relative_url(std::string_view from, std::string_view to);

}  // namespace dossier
