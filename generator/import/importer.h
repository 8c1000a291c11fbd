// `dossier import FILE... [--into CONTENT] [--unit U] [--date D]` (SPEC §3,
// issue 5): reads .txt and .docx reports, finds their structure, guesses
// their front matter and writes content/reports/<year>/<id>.md, saying per
// file what it found, what it guessed and what it could not do.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "import/front_matter_guess.h"
#include "import/structure.h"
#include "model/date.h"

namespace dossier {

struct ImportOptions {
  std::vector<std::string> inputs;  // files and folders
  std::string content_dir = "content";
  std::string unit;  // --unit
  std::string date;  // --date, YYYY-MM-DD
};

// Runs the command; returns an ExitCode (build.h): 0 when every file was
// imported, 2 for a bad --date, 3 when a file could not be read or written
// (the others are imported all the same).
int run_import(const ImportOptions& options, std::ostream& out, std::ostream& err);

// The paragraphs of a report file's bytes: a .docx (by its name) or text in
// any encoding decode_text knows; `encoding` says which.
Result<std::vector<SourceParagraph>> read_report_paragraphs(const std::string& path,
                                                            std::string_view bytes,
                                                            std::string* encoding);

// The names an archive's registries and reports give (for matching units,
// topics and regulations) and the report ids taken (those of every .md file
// under reports/, parsed or not), or none when `content_dir` is not a folder
// yet. Problems in the archive are not reported here.
ArchiveNames load_archive_names(const std::string& content_dir, bool* found = nullptr);

// Writes `text` to a new file at `path`, making its folders; never replaces
// a file.
Status write_new_file(const std::string& path, const std::string& text);

// The report id for a date and unit slug that none of `taken` holds:
// 2023-07-10-wenlv, else 2023-07-10-wenlv-2, ...
std::string unique_report_id(const Date& date, const std::string& unit_slug,
                             const std::vector<std::string>& taken);

}  // namespace dossier
