// Diagnostics collection and printing (text with caret, JSON).
#include "base/diagnostics.h"

#include <algorithm>
#include <ostream>
#include <sstream>
#include <tuple>

#include <nlohmann/json.hpp>

#include "base/text.h"

namespace dossier {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::kNote:
      return "note";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

void Diagnostics::add(Diagnostic d) {
  std::lock_guard lock(mutex_);
  if (d.severity == Severity::kNote && !keep_notes_) {
    ++dropped_notes_;
    return;
  }
  items_.push_back(std::move(d));
}

void Diagnostics::error(std::string path, Loc loc, std::string code, std::string message) {
  add({std::move(path), loc, Severity::kError, std::move(message), std::move(code), {}, -1});
}

void Diagnostics::warning(std::string path, Loc loc, std::string code, std::string message) {
  add({std::move(path), loc, Severity::kWarning, std::move(message), std::move(code), {}, -1});
}

void Diagnostics::note(std::string path, Loc loc, std::string code, std::string message) {
  add({std::move(path), loc, Severity::kNote, std::move(message), std::move(code), {}, -1});
}

void Diagnostics::append(const Diagnostics& other) {
  auto theirs = other.sorted();
  std::lock_guard lock(mutex_);
  items_.insert(items_.end(), theirs.begin(), theirs.end());
}

void Diagnostics::promote_warnings() {
  std::lock_guard lock(mutex_);
  for (auto& d : items_)
    if (d.severity == Severity::kWarning) d.severity = Severity::kError;
}

int Diagnostics::count(Severity s) const {
  std::lock_guard lock(mutex_);
  int kept = static_cast<int>(
      std::count_if(items_.begin(), items_.end(), [s](const auto& d) { return d.severity == s; }));
  return s == Severity::kNote ? kept + dropped_notes_ : kept;
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out;
  {
    std::lock_guard lock(mutex_);
    out = items_;
  }
  auto key = [](const Diagnostic& d) {
    return std::tie(d.path, d.loc.line, d.loc.column, d.severity, d.code, d.message);
  };
  std::stable_sort(out.begin(), out.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  out.erase(std::unique(out.begin(), out.end(),
                        [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
            out.end());
  return out;
}

void set_source_line(Diagnostic& d, std::string_view line) {
  if (line.empty() || d.loc.column <= 0) return;
  constexpr size_t kWholeLine = 78;  // display columns shown whole (80 with the indent)
  constexpr size_t kContext = 24;    // code points shown on each side in a longer line
  size_t column = static_cast<size_t>(d.loc.column - 1);
  // A line of at most kWholeLine bytes is no wider (no character is wider than its bytes).
  bool window = line.size() > kWholeLine && static_cast<size_t>(display_width(line)) > kWholeLine;
  size_t from = window && column > kContext ? column - kContext : 0;
  std::string_view rest = line.substr(utf8_prefix(line, from).size());
  std::string_view shown = window ? utf8_prefix(rest, column - from + kContext) : rest;
  std::string lead = from > 0 ? "…" : "";
  d.excerpt = lead + std::string(shown) + (shown.size() < rest.size() ? "…" : "");
  // Wide (CJK) characters take two terminal columns.
  d.caret = display_width(lead) + display_width(utf8_prefix(shown, column - from));
}

static void print_caret(std::ostream& out, const Diagnostic& d) {
  if (d.caret < 0) return;
  out << "  " << d.excerpt << "\n  " << std::string(static_cast<size_t>(d.caret), ' ') << "^\n";
}

void Diagnostics::print_text(std::ostream& out, bool with_notes) const {
  for (const auto& d : sorted()) {
    if (d.severity == Severity::kNote && !with_notes) continue;
    out << d.path;
    if (d.loc.line > 0) out << ':' << d.loc.line << ':' << d.loc.column;
    out << ": " << severity_name(d.severity) << ": " << d.message;
    if (!d.code.empty()) out << " [" << d.code << ']';
    out << '\n';
    print_caret(out, d);
  }
}

std::string Diagnostics::summary(bool with_notes) const {
  int errors = count(Severity::kError), warnings = count(Severity::kWarning),
      notes = count(Severity::kNote);
  std::ostringstream s;
  s << errors << (errors == 1 ? " error, " : " errors, ") << warnings
    << (warnings == 1 ? " warning" : " warnings");
  if (with_notes && notes > 0) s << ", " << notes << (notes == 1 ? " note" : " notes");
  return s.str();
}

void Diagnostics::print_json(std::ostream& out) const {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& d : sorted()) {
    list.push_back({{"file", d.path},
                    {"line", d.loc.line},
                    {"column", d.loc.column},
                    {"severity", severity_name(d.severity)},
                    {"code", d.code},
                    {"message", d.message}});
  }
  nlohmann::ordered_json doc = {{"diagnostics", list},
                                {"errors", count(Severity::kError)},
                                {"warnings", count(Severity::kWarning)},
                                {"notes", count(Severity::kNote)}};
  out << doc.dump(2) << '\n';
}

}  // namespace dossier
