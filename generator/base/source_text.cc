// SourceText: decoding normalisation and offset -> line:column.
#include "base/source_text.h"

#include <algorithm>
#include <cstring>

#include "base/text.h"

namespace dossier {

static std::string normalise(std::string raw) {
  bool bom = raw.size() >= 3 && static_cast<unsigned char>(raw[0]) == 0xEF &&
             static_cast<unsigned char>(raw[1]) == 0xBB &&
             static_cast<unsigned char>(raw[2]) == 0xBF;
  if (bom) raw.erase(0, 3);
  if (raw.find('\r') == std::string::npos) return raw;
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') continue;
    out += raw[i];
  }
  return out;
}

SourceText::SourceText(std::string display_path, std::string raw)
    : path_(std::move(display_path)), text_(normalise(std::move(raw))) {
  line_starts_.push_back(0);
  const char* begin = text_.data();
  const char* end = begin + text_.size();
  for (const char* p = begin;
       (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p))));)
    line_starts_.push_back(static_cast<size_t>(++p - begin));
}

size_t SourceText::line_start(int line) const {
  if (line < 1) return 0;
  if (line > line_count()) return text_.size();
  return line_starts_[static_cast<size_t>(line - 1)];
}

std::string_view SourceText::line(int line) const {
  if (line < 1 || line > line_count()) return {};
  size_t start = line_start(line);
  size_t end = text_.find('\n', start);
  if (end == std::string::npos) end = text_.size();
  return std::string_view(text_).substr(start, end - start);
}

Loc SourceText::loc_at(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  int line = static_cast<int>(it - line_starts_.begin());
  size_t start = line_starts_[static_cast<size_t>(line - 1)];
  int column = static_cast<int>(utf8_length(std::string_view(text_).substr(start, offset - start)));
  return {line, column + 1};
}

Loc SourceText::loc_at_line_byte(int line, int byte_column) const {
  if (line < 1) return {};
  size_t start = line_start(line);
  std::string_view l = this->line(line);
  size_t bytes = static_cast<size_t>(std::max(byte_column - 1, 0));
  bytes = std::min(bytes, l.size());
  return loc_at(start + bytes);
}

Diagnostic SourceText::diagnostic(Loc loc, Severity severity, std::string code,
                                  std::string message) const {
  Diagnostic d{path_, loc, severity, std::move(message), std::move(code), {}, -1};
  set_source_line(d, line(loc.line));
  return d;
}

void SourceText::error(Diagnostics& out, Loc loc, std::string code, std::string message) const {
  out.add(diagnostic(loc, Severity::kError, std::move(code), std::move(message)));
}
void SourceText::warning(Diagnostics& out, Loc loc, std::string code, std::string message) const {
  out.add(diagnostic(loc, Severity::kWarning, std::move(code), std::move(message)));
}
void SourceText::note(Diagnostics& out, Loc loc, std::string code, std::string message) const {
  if (!out.keeps_notes()) {  // counted only: skip making its text
    out.add({path_, loc, Severity::kNote, {}, {}, {}, -1});
    return;
  }
  out.add(diagnostic(loc, Severity::kNote, std::move(code), std::move(message)));
}

}  // namespace dossier
