// Structure detection for imported reports: see structure.h. Works on
// normalised paragraphs, so ５、 and (一) have become 5、 and （一） already.
#include "import/structure.h"

#include <array>

#include "base/text.h"

namespace dossier {

namespace {

constexpr std::array<std::string_view, 10> kDigits = {"一", "二", "三", "四", "五",
                                                      "六", "七", "八", "九", "十"};

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Length in bytes of the Chinese numeral at the start of `s` (0 if none).
size_t numeral_length(std::string_view s) {
  size_t n = 0;
  while (n / 3 < 3) {
    bool digit = false;
    for (auto d : kDigits) digit = digit || s.substr(n, 3) == d;
    if (!digit) break;
    n += 3;
  }
  return chinese_number(s.substr(0, n)) > 0 ? n : 0;
}

size_t ascii_digits(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && n < 3 && s[n] >= '0' && s[n] <= '9') ++n;
  return n;
}

Marker parenthesised(std::string_view s) {
  constexpr std::string_view open = "（", close = "）";
  if (!starts_with(s, open)) return {};
  std::string_view in = s.substr(open.size());
  if (size_t n = numeral_length(in); n && starts_with(in.substr(n), close))
    return {MarkerKind::kParenChinese, chinese_number(in.substr(0, n)),
            open.size() + n + close.size()};
  if (size_t n = ascii_digits(in); n && starts_with(in.substr(n), close))
    return {MarkerKind::kParenNumber, std::stoi(std::string(in.substr(0, n))),
            open.size() + n + close.size()};
  return {};
}

Marker numbered(std::string_view s) {
  size_t n = ascii_digits(s);
  if (n == 0 || n > 2) return {};
  int number = std::stoi(std::string(s.substr(0, n)));
  std::string_view after = s.substr(n);
  for (std::string_view sep : {"、", "，", "）"})
    if (starts_with(after, sep))
      return {sep == "）" ? MarkerKind::kParenNumber : MarkerKind::kNumber, number, n + sep.size()};
  // "1." but not "1.5亿"
  if (starts_with(after, ".") && !(after.size() > 1 && after[1] >= '0' && after[1] <= '9'))
    return {MarkerKind::kNumber, number, n + 1};
  return {};
}

size_t code_points(std::string_view s) {
  return utf8_length(s);
}

bool has_sentence_end(std::string_view s) {
  for (std::string_view p : {"。", "！", "？", "；"}) {
    size_t at = s.find(p);
    if (at != s.npos && at + p.size() < s.size()) return true;
  }
  return false;
}

std::string_view strip_end_punct(std::string_view s) {
  for (bool again = true; again;) {
    again = false;
    s = trim(s);
    for (std::string_view p : {"。", "；", "：", "，", "！", "？", ".", ";", ":", ","})
      if (ends_with(s, p)) {
        s.remove_suffix(p.size());
        again = true;
      }
  }
  return s;
}

}  // namespace

int chinese_number(std::string_view s) {
  auto digit = [](std::string_view d) {
    for (size_t i = 0; i < kDigits.size(); ++i)
      if (d == kDigits[i]) return static_cast<int>(i) + 1;
    return 0;
  };
  if (s.empty() || s.size() % 3 != 0 || s.size() > 9) return 0;
  std::vector<int> v;
  for (size_t i = 0; i < s.size(); i += 3) v.push_back(digit(s.substr(i, 3)));
  for (int d : v)
    if (d == 0) return 0;
  if (v.size() == 1) return v[0];                                  // 三, 十
  if (v.size() == 2 && v[0] == 10 && v[1] < 10) return 10 + v[1];  // 十二
  if (v.size() == 2 && v[0] < 10 && v[1] == 10) return v[0] * 10;  // 二十
  if (v.size() == 3 && v[0] < 10 && v[1] == 10 && v[2] < 10) return v[0] * 10 + v[2];
  return 0;
}

std::string chinese_numeral(int n) {
  if (n <= 0 || n >= 100) return std::to_string(n);
  std::string out;
  int tens = n / 10, ones = n % 10;
  if (tens > 1) out += kDigits[static_cast<size_t>(tens - 1)];
  if (tens > 0) out += "十";
  if (ones > 0) out += kDigits[static_cast<size_t>(ones - 1)];
  return out;
}

Marker leading_marker(std::string_view s) {
  if (Marker m = parenthesised(s); m.kind != MarkerKind::kNone) return m;
  if (Marker m = numbered(s); m.kind != MarkerKind::kNone) return m;
  if (size_t n = numeral_length(s)) {
    int number = chinese_number(s.substr(0, n));
    std::string_view after = s.substr(n);
    if (starts_with(after, "、") || starts_with(after, "，") || starts_with(after, "."))
      return {MarkerKind::kSection, number, n + (after[0] == '.' ? 1 : 3)};
    if (starts_with(after, "是")) return {MarkerKind::kShi, number, n + 3};
  }
  return {};
}

SectionRole section_role(std::string_view h) {
  bool measure = false;
  for (std::string_view w : {"整改", "措施", "举措", "打算", "下一步", "下步", "建议", "意见",
                             "要求", "计划", "思路", "努力方向"})
    measure = measure || contains(h, w);
  bool issue = contains(h, "问题") || contains(h, "不足") || contains(h, "差距");
  if (issue && (contains(h, "存在") || !measure)) return SectionRole::kIssues;
  if (measure) return SectionRole::kMeasures;
  return SectionRole::kOther;
}

bool is_section_heading(const SourceParagraph& p) {
  if (p.table) return false;
  if (p.heading_level == 1) return true;
  std::string_view t = p.text;
  if (code_points(t) > 40 || has_sentence_end(t)) return false;
  Marker m = leading_marker(t);
  if (m.kind == MarkerKind::kSection) return m.length < t.size();
  // An unnumbered short line that names the issues or the measures.
  return m.kind == MarkerKind::kNone && code_points(t) <= 16 && !contains(t, "，") &&
         section_role(t) != SectionRole::kOther;
}

bool reads_as_title(std::string_view t) {
  size_t n = code_points(t);
  if (n < 6 || n > 60 || leading_marker(t).kind != MarkerKind::kNone) return false;
  for (std::string_view p : {"。", "，", "；", "：", "！", "？", ":", ","})
    if (contains(t, p)) return false;
  return true;
}

bool is_subheading(const SourceParagraph& p) {
  if (p.table) return false;
  if (p.heading_level >= 2) return true;
  Marker m = leading_marker(p.text);
  if (m.kind != MarkerKind::kParenChinese) return false;
  std::string_view t = p.text;
  return code_points(t) <= 40 && !has_sentence_end(t) && m.length < t.size();
}

std::string leading_clause(std::string_view text, std::string* rest) {
  size_t end = text.size(), next = text.size();
  for (std::string_view p : {"。", "；", "！", "？", "：", ";", ":"}) {
    size_t at = text.find(p);
    if (at != text.npos && at < end) {
      end = at;
      next = at + p.size();
    }
  }
  std::string_view clause = text.substr(0, end);
  if (code_points(clause) > 60) {  // no sentence end near: cut at a comma
    std::string_view head = utf8_prefix(clause, 60);
    size_t comma = head.rfind("，");
    end = comma != head.npos && comma > 0 ? comma : head.size();
    next = end;
    clause = text.substr(0, end);
  }
  if (rest) *rest = std::string(trim(text.substr(next)));
  return std::string(strip_end_punct(clause));
}

std::vector<std::string> split_run_together(std::string_view para, std::string* before) {
  std::vector<size_t> starts;
  size_t from = 0;
  for (int n = 1; n < 100; ++n) {
    std::string needle = chinese_numeral(n) + "是";
    size_t at = para.find(needle, from);
    // Each piece after the first must follow the end of a sentence or clause.
    while (at != para.npos && at > 0) {
      std::string_view head = para.substr(0, at);
      bool after_break = false;
      for (std::string_view p : {"。", "；", "：", "！", "？", "，", ";", ":"})
        after_break = after_break || ends_with(trim(head), p);
      if (after_break) break;
      at = para.find(needle, at + needle.size());
    }
    if (at == para.npos) break;
    starts.push_back(at);
    from = at + needle.size();
  }
  if (starts.size() < 2) return {};
  if (before) *before = std::string(trim(para.substr(0, starts[0])));
  std::vector<std::string> pieces;
  for (size_t i = 0; i < starts.size(); ++i) {
    size_t end = i + 1 < starts.size() ? starts[i + 1] : para.size();
    pieces.emplace_back(trim(para.substr(starts[i], end - starts[i])));
  }
  return pieces;
}

const ImportedSection* ReportStructure::section(SectionRole role) const {
  for (const auto& s : sections)
    if (s.role == role) return &s;
  return nullptr;
}

namespace {

ImportedItem make_item(std::string_view text) {
  Marker m = leading_marker(text);
  ImportedItem item;
  item.marker = std::string(text.substr(0, m.length));
  item.title = leading_clause(text.substr(m.length), &item.rest);
  if (item.title.empty()) item.title = kUntitledItem;  // a number with no text after it
  return item;
}

bool is_item_marker(MarkerKind k) {
  return k != MarkerKind::kNone && k != MarkerKind::kSection;
}

// Adds the pieces of a paragraph holding 一是……二是……; false when it holds none.
bool add_run_together(ImportedSection& s, const SourceParagraph& p, bool intro_allowed) {
  if (p.table) return false;
  std::string before;
  std::vector<std::string> pieces = split_run_together(p.text, &before);
  if (pieces.empty() || (!before.empty() && !intro_allowed)) return false;
  if (!before.empty()) s.intro.push_back({before, 0, false});
  for (const auto& piece : pieces) s.items.push_back(make_item(piece));
  return true;
}

// The items of an issues or measures section: the paragraphs numbered like
// the first numbered one, in sequence; or the pieces of a paragraph that
// runs them together (一是……二是……). Other paragraphs belong to the item
// before them, or to the section's introduction.
void collect_items(ImportedSection& s, const std::vector<SourceParagraph>& paras) {
  MarkerKind kind = MarkerKind::kNone;
  int expect = 0;
  for (size_t i = 0; i < paras.size(); ++i) {
    const SourceParagraph& p = paras[i];
    Marker m = p.table ? Marker{} : leading_marker(p.text);
    if (kind == MarkerKind::kNone && is_item_marker(m.kind)) {
      kind = m.kind;
      expect = m.number;
    }
    if (kind != MarkerKind::kNone && m.kind == kind && m.number == expect) {
      bool next_is_two = i + 1 < paras.size() && leading_marker(paras[i + 1].text).kind == kind &&
                         leading_marker(paras[i + 1].text).number == m.number + 1;
      size_t before = s.items.size();
      if (kind == MarkerKind::kShi && m.number == 1 && s.items.empty() && !next_is_two &&
          add_run_together(s, p, false)) {
        expect += static_cast<int>(s.items.size() - before);
        continue;
      }
      s.items.push_back(make_item(p.text));
      ++expect;
      continue;
    }
    if (kind == MarkerKind::kNone && s.items.empty() && add_run_together(s, p, true)) {
      kind = MarkerKind::kShi;
      expect = static_cast<int>(s.items.size()) + 1;
      continue;
    }
    if (s.items.empty())
      s.intro.push_back(p);
    else
      s.items.back().more.push_back(p);
  }
}

}  // namespace

ReportStructure detect_structure(std::vector<SourceParagraph> paras) {
  ReportStructure out;
  size_t i = 0;
  if (!paras.empty() && !paras[0].table && paras.size() > 1 && reads_as_title(paras[0].text))
    out.title = paras[i++].text;
  std::vector<std::vector<SourceParagraph>> bodies;
  for (; i < paras.size(); ++i) {
    if (is_section_heading(paras[i])) {
      ImportedSection s;
      s.heading = paras[i].text;
      s.role = section_role(s.heading);
      out.sections.push_back(std::move(s));
      bodies.emplace_back();
    } else if (bodies.empty()) {
      out.opening.push_back(std::move(paras[i]));
    } else {
      bodies.back().push_back(std::move(paras[i]));
    }
  }
  for (size_t k = 0; k < out.sections.size(); ++k) {
    ImportedSection& s = out.sections[k];
    if (s.role == SectionRole::kOther)
      s.intro = std::move(bodies[k]);
    else
      collect_items(s, bodies[k]);
  }
  return out;
}

}  // namespace dossier
