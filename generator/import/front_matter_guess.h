// Front matter guessed from an imported report's text (issue 5): title,
// date, unit, kind, topics and regulations, each with a note saying where it
// came from, matched against the registries of the archive it goes into.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "import/structure.h"
#include "model/archive.h"
#include "model/date.h"

namespace dossier {

// What the archive being imported into knows: its registries and report ids.
struct ArchiveNames {
  struct Entry {
    std::string slug, title;
    std::vector<std::string> names;  // title and aliases
  };
  std::vector<Entry> units, topics, regulations;
  std::vector<std::string> report_ids;
  std::string main_unit;  // the unit most of its reports name, or ""

  static ArchiveNames from(const Archive& a);
};

class NameIndex;
// Registers every name of `entries` (slug, title, aliases).
void add_entries(NameIndex& index, const std::vector<ArchiveNames::Entry>& entries);

// The slug of the registered unit `name` names, else slugify(name).
std::string unit_slug(const ArchiveNames& names, const std::string& name);

struct GuessInputs {
  std::string unit;          // --unit, or empty
  std::optional<Date> date;  // --date
  Date file_date;            // the file's modification date
};

struct GuessedFrontMatter {
  std::string title;
  Date date;
  std::string unit;
  std::string unit_slug;  // registry slug, else slugify(unit)
  std::string kind;
  std::vector<std::string> topics;
  std::vector<std::string> regulations;  // registry titles
  std::vector<std::string> found;        // "date: from text '2022年以来' → 2022-01-01"
  std::vector<std::string> not_done;     // what could not be done
};

GuessedFrontMatter guess_front_matter(const ReportStructure& s, const ArchiveNames& names,
                                      const GuessInputs& in);

// The rules, one by one (exposed for the tests). Each returns the value and
// sets `why` to the note printed for it.
std::optional<Date> date_in_text(const std::string& text, bool exact_only, std::string* why);
// 讲话 from the title or 同志们 anywhere; 督导调研, 自查, 整改, 汇报 from the
// title and opening; else 工作汇报.
std::string kind_from_wording(const std::string& title, const std::string& head,
                              const std::string& all, std::string* why);
// The registry unit named first in `text` (index into names.units); -1 when none.
int unit_in_text(const std::string& text, const ArchiveNames& names, std::string* matched);
// "现将我局关于X工作汇报如下" → X; empty when the opening says nothing of it.
std::string subject_of(const std::string& opening, std::string* noun);

}  // namespace dossier
