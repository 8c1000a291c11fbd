// Structure of a Chinese work report (issue 5): the opening, the numbered
// sections (一、…), and in the issues section (存在的问题) and the measures
// section (整改措施, 下一步工作打算, …) the items, numbered 1、 （一） or
// 一是, or run together as 一是……二是…… in one paragraph.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dossier {

// A paragraph of the imported file, normalised (import/normalize.h).
struct SourceParagraph {
  std::string text;       // for a table: its Markdown, written as is
  int heading_level = 0;  // from a .docx heading style (1: top level); 0: none
  bool table = false;
};

enum class SectionRole { kOther, kIssues, kMeasures };

// The title of an item whose number has no text after it: an item must
// have a title to pass `dossier check`, and this one says what to fill in.
inline constexpr std::string_view kUntitledItem = "（待填写标题）";

// An issue or a measure: its title is the item's leading clause.
struct ImportedItem {
  std::string marker;  // "1、", "（一）", "一是", ...; empty when none
  std::string title;
  std::string rest;                   // the first paragraph after the title clause
  std::vector<SourceParagraph> more;  // the paragraphs that follow, up to the next item
};

struct ImportedSection {
  std::string heading;  // as written, e.g. "二、存在的问题"
  SectionRole role = SectionRole::kOther;
  std::vector<SourceParagraph> intro;  // before the first item (everything, in other sections)
  std::vector<ImportedItem> items;     // issues or measures
};

struct ReportStructure {
  std::string title;  // the first paragraph when it reads as a title, else empty
  std::vector<SourceParagraph> opening;
  std::vector<ImportedSection> sections;

  const ImportedSection* section(SectionRole role) const;
};

ReportStructure detect_structure(std::vector<SourceParagraph> paragraphs);

// The rules, one by one (exposed for the tests).

enum class MarkerKind { kNone, kSection, kParenChinese, kNumber, kParenNumber, kShi };
struct Marker {
  MarkerKind kind = MarkerKind::kNone;
  int number = 0;     // 1 for 一、 （一） 1、 （1） 一是
  size_t length = 0;  // bytes of the marker
};
// The numbering at the start of `text`: 一、 （一） 1、 1. （1） 一是 ...
Marker leading_marker(std::string_view text);
// 一 → 1, 十二 → 12, 二十 → 20 (up to 99); 0 when `s` is not such a numeral.
int chinese_number(std::string_view s);
std::string chinese_numeral(int n);

// Whether a paragraph is a section heading: 一、 + a short text without a
// sentence in it, or a .docx heading of the top level.
bool is_section_heading(const SourceParagraph& p);
SectionRole section_role(std::string_view heading);
// Whether the first paragraph reads as the report's title.
bool reads_as_title(std::string_view text);
// A short marked paragraph outside the item sections: （一）筑牢党建责任 → ###.
bool is_subheading(const SourceParagraph& p);

// The leading clause of an item's text (up to 。；！？：, at most about 60
// characters); `rest` gets what follows.
std::string leading_clause(std::string_view text, std::string* rest);

// 一是……二是……三是…… in one paragraph: the pieces, each starting with its
// 一是/二是; `before` gets the text before 一是. Empty when the paragraph
// holds no such run (at least 一是 and 二是, in order).
std::vector<std::string> split_run_together(std::string_view paragraph, std::string* before);

}  // namespace dossier
