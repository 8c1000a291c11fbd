// SourceText: one content file's text after decoding (BOM removed, CRLF made
// LF), with the line index that turns byte offsets into line:column.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"

namespace dossier {

class SourceText {
 public:
  SourceText() = default;
  // `display_path` is how diagnostics name the file; `raw` is its UTF-8
  // bytes as read (a BOM and CRLF line ends are accepted).
  SourceText(std::string display_path, std::string raw);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  // Byte offset -> 1-based line and code-point column.
  Loc loc_at(size_t offset) const;
  // 1-based line and 1-based byte column -> Loc with a code-point column.
  Loc loc_at_line_byte(int line, int byte_column) const;
  size_t line_start(int line) const;
  int line_count() const { return static_cast<int>(line_starts_.size()); }
  std::string_view line(int line) const;

  // A diagnostic at `loc` in this file, carrying its source line.
  Diagnostic diagnostic(Loc loc, Severity severity, std::string code, std::string message) const;
  void error(Diagnostics& out, Loc loc, std::string code, std::string message) const;
  void warning(Diagnostics& out, Loc loc, std::string code, std::string message) const;
  void note(Diagnostics& out, Loc loc, std::string code, std::string message) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<size_t> line_starts_;
};

}  // namespace dossier
