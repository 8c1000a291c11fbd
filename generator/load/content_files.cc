// Walking content/ and reading files as UTF-8 (with encoding diagnosis).
#include "load/content_files.h"

#include <cstdio>
#include <memory>

#include <unicode/ucsdet.h>

#include "base/text.h"

namespace dossier {

std::string file_stem(const std::string& rel) {
  size_t slash = rel.rfind('/');
  std::string name = slash == std::string::npos ? rel : rel.substr(slash + 1);
  size_t dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

// Registry folders hold flat <slug>.md files; reports may nest.
static void sort_into(ContentFiles& out, const std::string& rel, Diagnostics& diags) {
  auto top = rel.substr(0, rel.find('/'));
  bool markdown = rel.ends_with(".md");
  std::string display = out.display_path(rel);
  if (rel == "site.yaml") {
    out.has_site_yaml = true;
  } else if (top == "assets") {
    out.assets.push_back(rel);
  } else if (top == "reports" || top == "regulations" || top == "units" || top == "topics") {
    if (!markdown) {
      bool importable = rel.ends_with(".txt") || rel.ends_with(".docx") || rel.ends_with(".doc");
      diags.warning(display, {1, 1}, "file",
                    importable ? "not a Markdown report: ignored (convert it with `dossier import`)"
                               : "not a .md file: ignored");
      return;
    }
    if (top != "reports" && rel.find('/', top.size() + 1) != std::string::npos) {
      diags.warning(display, {1, 1}, "file",
                    "registry files belong directly in " + top + "/: ignored");
      return;
    }
    auto& list = top == "reports"       ? out.reports
                 : top == "regulations" ? out.regulations
                 : top == "units"       ? out.units
                                        : out.topics;
    list.push_back(rel);
  }
}

// Names the likely encoding of bytes that are not UTF-8, using ICU's detector.
static std::string guess_encoding(const std::string& data) {
  if (data.starts_with("\xFF\xFE") || data.starts_with("\xFE\xFF")) return "UTF-16";
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&status),
                                                                 &ucsdet_close);
  if (U_FAILURE(status)) return {};
  ucsdet_setText(det.get(), data.data(), static_cast<int32_t>(std::min<size_t>(data.size(), 65536)),
                 &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || !match) return {};
  const char* name = ucsdet_getName(match, &status);
  return U_SUCCESS(status) && name ? name : "";
}

// An `encoding` error at the first byte that keeps `bytes` from being
// content text (the text before it gives line and column): not UTF-8 (the
// message names the likely encoding) or a control character. False then.
static bool check_text(const std::string& display, const std::string& bytes, Diagnostics& diags) {
  TextProblem problem = find_text_problem(bytes);
  if (problem.kind == TextProblem::Kind::kNone) return true;
  SourceText prefix(display, bytes.substr(0, problem.offset));
  Loc loc = prefix.loc_at(prefix.text().size());
  std::string message;
  if (problem.kind == TextProblem::Kind::kControl) {
    size_t i = problem.offset;
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(next_code_point(bytes, i)));
    message = "control character " + std::string(code) + " is not allowed in content";
  } else {
    std::string encoding = guess_encoding(bytes);
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(bytes[problem.offset]));
    message = "file is not UTF-8 (byte " + std::string(byte);
    if (!encoding.empty() && encoding != "UTF-8") message += "; it looks like " + encoding;
    message += "): convert it with `dossier import`";
  }
  diags.add(prefix.diagnostic(loc, Severity::kError, "encoding", message));
  return false;
}

// A .txt report that is not UTF-8 (a GBK file from a unit, typically) gets
// the `encoding` error, which names its encoding, instead of the `file`
// warning: the user learns both that and how to convert it.
static bool is_misencoded_text_report(const FileSystem& fs, const ContentFiles& files,
                                      const std::string& rel, Diagnostics& diags) {
  if (!rel.starts_with("reports/") || !rel.ends_with(".txt")) return false;
  auto data = fs.read_file(files.display_path(rel));
  return data.is_ok() && !check_text(files.display_path(rel), data.value(), diags);
}

ContentFiles list_content(const FileSystem& fs, const std::string& root, Diagnostics& diags) {
  ContentFiles out;
  out.root = without_trailing_slashes(root);
  if (!fs.is_directory(out.root)) {
    diags.error(out.root, {}, "io", "content folder not found");
    return out;
  }
  for (const auto& entry : fs.list_tree(out.root)) {
    if (entry.kind == TreeEntry::Kind::kOutsideLink) {
      diags.error(out.display_path(entry.path), {1, 1}, "path",
                  "symbolic link leads outside the content folder: ignored");
      continue;
    }
    if (is_misencoded_text_report(fs, out, entry.path, diags)) continue;
    sort_into(out, entry.path, diags);
  }
  return out;
}

std::shared_ptr<const SourceText> read_source(const FileSystem& fs, const ContentFiles& files,
                                              const std::string& rel, Diagnostics& diags) {
  std::string display = files.display_path(rel);
  auto data = fs.read_file(display);
  if (!data.is_ok()) {
    diags.error(display, {}, "io", data.status().message());
    return nullptr;
  }
  std::string& bytes = data.value();
  if (!check_text(display, bytes, diags)) return nullptr;
  return std::make_shared<const SourceText>(display, std::move(bytes));
}

}  // namespace dossier
