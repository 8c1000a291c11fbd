// Diagnostics: the compiler-style messages every stage reports about content
// (`path:line:col: error: message [code]`), collected, sorted and printed as
// text or JSON. Format and codes are listed in README.md ("Diagnostics").
#pragma once

#include <iosfwd>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

enum class Severity { kNote, kWarning, kError };

// A position in a source file: 1-based line and column (column counts
// Unicode code points, as editors do). line 0 means "the whole file".
struct Loc {
  int line = 0;
  int column = 0;
  friend bool operator==(const Loc&, const Loc&) = default;
};

struct Diagnostic {
  std::string path;  // as shown to the user, e.g. content/reports/a.md
  Loc loc;
  Severity severity = Severity::kError;
  std::string message;
  std::string code;     // short category, e.g. "ref", "yaml", "date"
  std::string excerpt;  // the offending line, or a window of it around the column
  int caret = -1;       // terminal columns before the caret under `excerpt`, -1: none
};

// Sets d.excerpt and d.caret from the source line d.loc points into. Long
// lines of prose are cut to a window around the column, marked with "…".
void set_source_line(Diagnostic& d, std::string_view line);

std::string_view severity_name(Severity s);

// Collects diagnostics from any thread; sorted by file, line, column on output.
class Diagnostics {
 public:
  void add(Diagnostic d);
  void error(std::string path, Loc loc, std::string code, std::string message);
  void warning(std::string path, Loc loc, std::string code, std::string message);
  void note(std::string path, Loc loc, std::string code, std::string message);
  void append(const Diagnostics& other);

  // --strict: every warning becomes an error.
  void promote_warnings();

  // Notes are counted but not kept (a build does not list them).
  void count_notes_only() { keep_notes_ = false; }
  bool keeps_notes() const { return keep_notes_; }

  int count(Severity s) const;
  bool has_errors() const { return count(Severity::kError) > 0; }
  std::vector<Diagnostic> sorted() const;

  // `path:line:col: severity: message [code]`, the source line and a caret,
  // then one summary line. Notes are listed only when `with_notes`.
  void print_text(std::ostream& out, bool with_notes) const;
  void print_json(std::ostream& out) const;
  // "2 errors, 1 warning[, 3 notes]".
  std::string summary(bool with_notes) const;

 private:
  mutable std::mutex mutex_;
  std::vector<Diagnostic> items_;
  bool keep_notes_ = true;
  int dropped_notes_ = 0;
};

}  // namespace dossier
