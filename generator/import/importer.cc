// The import command: files in, content files out, a report line per file.
// Each file goes read -> decode -> normalise -> structure -> guess -> write;
// at the end the archive is loaded again and the new files' diagnostics
// shown, so a user sees at once whether they pass `dossier check`.
#include "import/importer.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "base/file_system.h"
#include "build.h"
#include "import/decode_text.h"
#include "import/docx_reader.h"
#include "import/front_matter_guess.h"
#include "import/normalize.h"
#include "import/report_writer.h"

namespace dossier {

namespace fsys = std::filesystem;

namespace {

bool has_extension(const fsys::path& p, std::string_view ext) {
  std::string e = p.extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  return e == ext;
}

// The files named: folders stand for the .txt and .docx files below them.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs,
                                       std::vector<std::string>& missing) {
  std::vector<std::string> files;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (fsys::is_directory(in, ec)) {
      std::vector<std::string> found;
      for (auto it = fsys::recursive_directory_iterator(in, ec);
           !ec && it != fsys::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec) &&
            (has_extension(it->path(), ".txt") || has_extension(it->path(), ".docx")))
          found.push_back(it->path().string());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fsys::exists(in, ec)) {
      files.push_back(in);
    } else {
      missing.push_back(in);
    }
  }
  return files;
}

Result<std::string> read_bytes(const std::string& path) {
  std::error_code ec;
  if (!fsys::is_regular_file(path, ec)) return Status::error("not a regular file");
  auto size = fsys::file_size(path, ec);
  if (ec) return Status::error(ec.message());
  if (size > kMaxImportBytes)
    return Status::error("the file is too large (" + std::to_string(size / (1024 * 1024)) +
                         " MB; at most " + std::to_string(kMaxImportBytes / (1024 * 1024)) +
                         " MB)");
  std::ifstream f(path, std::ios::binary);
  if (!f) return Status::error("cannot open it");
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

Date file_date(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return today();
  std::tm tm{};
  localtime_r(&st.st_mtime, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

}  // namespace

Status write_new_file(const std::string& file, const std::string& text) {
  fsys::path path(file);
  std::error_code ec;
  fsys::create_directories(path.parent_path(), ec);
  if (ec) return Status::error("creating " + path.parent_path().string() + ": " + ec.message());
  std::FILE* f = std::fopen(path.string().c_str(), "wx");
  if (!f) return Status::error("creating " + path.string() + ": " + std::strerror(errno));
  bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  ok = std::fclose(f) == 0 && ok;
  if (!ok) return Status::error("writing " + path.string() + ": " + std::strerror(errno));
  return Status::ok();
}

namespace {

std::string counts_line(const ReportStructure& s) {
  std::string out;
  for (const auto& sec : s.sections) {
    out += (out.empty() ? "" : "; ") + sec.heading;
    if (sec.role == SectionRole::kIssues)
      out += " (issues: " + std::to_string(sec.items.size()) + ")";
    if (sec.role == SectionRole::kMeasures)
      out += " (measures: " + std::to_string(sec.items.size()) + ")";
  }
  return out.empty() ? "none found" : out;
}

void structure_notes(const ReportStructure& s, std::vector<std::string>& not_done) {
  if (s.sections.empty())
    not_done.push_back("no numbered sections (一、…) found: the text is kept as one body");
  if (!s.section(SectionRole::kIssues))
    not_done.push_back("no issues section (存在的问题) found: no issues written");
  if (!s.section(SectionRole::kMeasures))
    not_done.push_back("no measures section (整改措施, 下一步…) found: no measures written");
  not_done.push_back("issues and measures are not linked (add measures:/addresses:)");
}

struct ImportContext {
  const ImportOptions& options;
  ArchiveNames names;
  std::optional<Date> date;
  std::vector<std::string> written;  // paths of the new files
};

Status import_file(const std::string& path, ImportContext& cx, std::ostream& out) {
  auto bytes = read_bytes(path);
  if (!bytes.is_ok()) return bytes.status();
  std::string encoding;
  auto paras = read_report_paragraphs(path, bytes.value(), &encoding);
  if (!paras.is_ok()) return paras.status();
  ReportStructure s = detect_structure(std::move(paras.value()));
  GuessedFrontMatter g =
      guess_front_matter(s, cx.names, {cx.options.unit, cx.date, file_date(path)});
  std::string id = unique_report_id(g.date, g.unit_slug, cx.names.report_ids);
  fsys::path target =
      fsys::path(cx.options.content_dir) / "reports" / std::to_string(g.date.year) / (id + ".md");
  if (Status st = write_new_file(target, write_report_markdown(s, g)); !st.is_ok()) return st;
  cx.names.report_ids.push_back(id);
  cx.written.push_back(target.string());
  out << "import " << path << " → " << target.string() << "\n  read: " << encoding << "\n";
  for (const auto& f : g.found) out << "  " << f << '\n';
  out << "  sections: " << counts_line(s) << '\n';
  structure_notes(s, g.not_done);
  for (const auto& n : g.not_done) out << "  not done: " << n << '\n';
  return Status::ok();
}

// Loads the archive again and prints the new files' diagnostics.
bool check_written(const ImportContext& cx, std::ostream& out) {
  RealFileSystem fs;
  BuildOptions bo;
  bo.content_dir = cx.options.content_dir;
  bo.progress = false;
  Diagnostics diags;
  load_archive(fs, bo, diags, nullptr);
  int errors = 0, warnings = 0;
  std::string dir = cx.options.content_dir;
  for (const auto& d : diags.sorted()) {
    bool ours = std::any_of(cx.written.begin(), cx.written.end(), [&](const std::string& w) {
      return fsys::path(d.path).lexically_normal() == fsys::path(w).lexically_normal();
    });
    if (!ours || d.severity == Severity::kNote) continue;
    (d.severity == Severity::kError ? errors : warnings)++;
    out << d.path << ':' << d.loc.line << ':' << d.loc.column << ": " << severity_name(d.severity)
        << ": " << d.message << " [" << d.code << "]\n";
  }
  out << "check: " << cx.written.size() << " imported file(s): " << errors << " error(s), "
      << warnings << " warning(s)\n";
  return errors == 0;
}

}  // namespace

Result<std::vector<SourceParagraph>> read_report_paragraphs(const std::string& path,
                                                            std::string_view bytes,
                                                            std::string* encoding) {
  if (has_extension(path, ".docx") || bytes.substr(0, 2) == "PK") {
    *encoding = "Word document (.docx)";
    return read_docx(bytes);
  }
  auto text = decode_text(bytes);
  if (!text.is_ok()) return text.status();
  *encoding = text.value().encoding;
  std::vector<SourceParagraph> out;
  for (auto& line : normalized_paragraphs(text.value().text))
    out.push_back({std::move(line), 0, false});
  return out;
}

std::string unique_report_id(const Date& date, const std::string& unit_slug,
                             const std::vector<std::string>& taken) {
  std::string base = date.iso() + "-" + unit_slug.substr(0, 60);
  while (!base.empty() && base.back() == '-') base.pop_back();
  std::string id = base;
  for (int n = 2; std::find(taken.begin(), taken.end(), id) != taken.end(); ++n)
    id = base + "-" + std::to_string(n);
  return id;
}

ArchiveNames load_archive_names(const std::string& content_dir, bool* found) {
  std::error_code ec;
  bool is_folder = fsys::is_directory(content_dir, ec);
  if (found) *found = is_folder;
  if (!is_folder) return {};
  RealFileSystem fs;
  BuildOptions bo;
  bo.content_dir = content_dir;
  bo.progress = false;
  Diagnostics ignored;
  ArchiveNames names = ArchiveNames::from(load_archive(fs, bo, ignored, nullptr));
  // Ids of files already on disk are taken too, parsed or not.
  for (auto it = fsys::recursive_directory_iterator(fsys::path(content_dir) / "reports", ec);
       !ec && it != fsys::recursive_directory_iterator(); it.increment(ec))
    if (it->path().extension() == ".md") names.report_ids.push_back(it->path().stem().string());
  return names;
}

int run_import(const ImportOptions& options, std::ostream& out, std::ostream& err) {
  ImportContext cx{options, {}, std::nullopt, {}};
  if (!options.date.empty()) {
    cx.date = parse_date(options.date);
    if (!cx.date) {
      err << "dossier: --date must be a day written YYYY-MM-DD, not '" << options.date << "'\n";
      return kExitUsage;
    }
  }
  bool found = false;
  cx.names = load_archive_names(options.content_dir, &found);
  if (!found) {
    out << "note: " << options.content_dir << " does not exist yet: no registries to match\n";
  }
  std::vector<std::string> missing;
  std::vector<std::string> files = expand_inputs(options.inputs, missing);
  int failed = 0;
  for (const auto& m : missing) {
    err << "dossier: " << m << ": no such file or folder; skipped\n";
    ++failed;
  }
  for (const auto& f : files) {
    if (Status s = import_file(f, cx, out); !s.is_ok()) {
      err << "dossier: " << f << ": " << s.message() << "; skipped\n";
      ++failed;
    }
  }
  bool clean = cx.written.empty() || check_written(cx, out);
  out << "imported " << cx.written.size() << " of " << files.size() + missing.size() << " file(s)"
      << (failed ? ", " + std::to_string(failed) + " skipped" : "") << '\n';
  if (failed) return kExitInternal;
  return clean ? kExitOk : kExitContent;
}

}  // namespace dossier
