// Guessing rules for imported front matter: see front_matter_guess.h. Names
// are matched after NameIndex::key (NFKC, no spaces), as the linker does.
#include "import/front_matter_guess.h"

#include <algorithm>
#include <map>
#include <regex>

#include "base/name_index.h"
#include "base/site_paths.h"
#include "base/text.h"
#include "parse/markdown.h"

namespace dossier {

namespace {

template <typename E>
std::vector<ArchiveNames::Entry> entries_of(const std::vector<E>& v) {
  std::vector<ArchiveNames::Entry> out;
  for (const auto& e : v) {
    ArchiveNames::Entry x{e.slug, e.title, {e.title}};
    for (const auto& a : e.aliases) x.names.push_back(a.name);
    out.push_back(std::move(x));
  }
  return out;
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

std::string paragraphs_text(const std::vector<SourceParagraph>& ps) {
  std::string out;
  for (const auto& p : ps) out += p.text + "\n";
  return out;
}

std::string all_text(const ReportStructure& s) {
  std::string out = s.title + "\n" + paragraphs_text(s.opening);
  for (const auto& sec : s.sections) {
    out += sec.heading + "\n" + paragraphs_text(sec.intro);
    for (const auto& it : sec.items)
      out += it.marker + it.title + "。" + it.rest + "\n" + paragraphs_text(it.more);
  }
  return out;
}

// The last paragraphs, where a signature date stands.
std::string closing_text(const ReportStructure& s) {
  std::vector<const SourceParagraph*> all;
  for (const auto& p : s.opening) all.push_back(&p);
  for (const auto& sec : s.sections) {
    for (const auto& p : sec.intro) all.push_back(&p);
    for (const auto& it : sec.items)
      for (const auto& p : it.more) all.push_back(&p);
  }
  std::string out;
  for (size_t i = all.size() > 3 ? all.size() - 3 : 0; i < all.size(); ++i)
    if (utf8_length(all[i]->text) <= 40) out += all[i]->text + "\n";
  return out;
}

void guess_date(const ReportStructure& s, const GuessInputs& in, GuessedFrontMatter& g) {
  std::string why;
  if (in.date) {
    g.date = *in.date;
    g.found.push_back("date: from --date → " + g.date.iso());
  } else if (auto d = date_in_text(closing_text(s), true, &why)) {
    g.date = *d;
    g.found.push_back("date: from the closing date '" + why + "' → " + d->iso());
  } else if (auto d2 = date_in_text(s.title + "\n" + paragraphs_text(s.opening), false, &why)) {
    g.date = *d2;
    g.found.push_back("date: from text '" + why + "' → " + d2->iso());
  } else {
    g.date = in.file_date;
    g.found.push_back("date: none in the text; used the file's date → " + g.date.iso() +
                      " (give --date to set it)");
  }
}

void guess_unit(const ReportStructure& s, const ArchiveNames& names, const GuessInputs& in,
                GuessedFrontMatter& g) {
  std::string matched;
  int found = unit_in_text(s.title + "\n" + paragraphs_text(s.opening), names, &matched);
  if (!in.unit.empty()) {
    g.unit = in.unit;
    g.found.push_back("unit: " + std::string(found >= 0 ? "" : "not found in the opening, ") +
                      "used --unit " + in.unit);
  } else if (found >= 0) {
    g.unit = names.units[static_cast<size_t>(found)].title;
    g.found.push_back("unit: from text '" + matched + "' → " + g.unit);
  } else if (!names.main_unit.empty()) {
    g.unit = names.main_unit;
    g.found.push_back("unit: not named in the opening; used the archive's main unit " + g.unit +
                      " (give --unit to set it)");
  } else {
    g.unit = "未注明单位";
    g.not_done.push_back("unit: not found and the archive names none; wrote " + g.unit +
                         " (give --unit)");
  }
  g.unit_slug = unit_slug(names, g.unit);
}

std::string strip_prefixes(std::string s, const std::vector<std::string>& prefixes) {
  for (bool again = true; again;) {
    again = false;
    for (const auto& p : prefixes)
      if (!p.empty() && s.rfind(p, 0) == 0 && s.size() > p.size()) {
        s = s.substr(p.size());
        again = true;
      }
  }
  return s;
}

void guess_title(const ReportStructure& s, const ArchiveNames& names, GuessedFrontMatter& g) {
  if (!s.title.empty()) {
    g.title = s.title;
    g.found.push_back("title: the first line");
    return;
  }
  std::string noun;
  std::string subject = subject_of(paragraphs_text(s.opening), &noun);
  std::vector<std::string> prefixes = {"我局", "本局", "我们", "我委", "我单位",
                                       "全局", "关于", "有关", "相关"};
  for (const auto& u : names.units)
    for (const auto& n : u.names) prefixes.push_back(n);
  subject = strip_prefixes(subject, prefixes);
  bool vague = subject.empty() || subject == "情况" || subject == "工作" || subject == "工作情况";
  if (!vague) {
    g.title = g.unit + "关于" + subject + "的" + noun;
    g.found.push_back("title: composed from unit and subject '" + subject + "' → " + g.title);
  } else {
    g.title = g.unit + std::to_string(g.date.year) + "年" + g.kind;
    g.found.push_back("title: no title line or subject; composed from unit, year and kind → " +
                      g.title);
  }
}

// Topics of the archive named in the text: in the title or opening, or at
// least twice in the whole text; at most five, the most named first.
void guess_topics(const ReportStructure& s, const ArchiveNames& names, GuessedFrontMatter& g) {
  std::string head = NameIndex::key(s.title + paragraphs_text(s.opening));
  std::string all = NameIndex::key(all_text(s));
  std::vector<std::pair<int, std::string>> hits;
  for (const auto& t : names.topics) {
    int count = 0;
    bool in_head = false;
    for (const auto& n : t.names) {
      std::string k = NameIndex::key(n);
      if (k.empty()) continue;
      in_head = in_head || contains(head, k);
      for (size_t at = all.find(k); at != all.npos; at = all.find(k, at + k.size())) ++count;
    }
    if (in_head || count >= 2) hits.push_back({-count, t.title});
  }
  std::stable_sort(hits.begin(), hits.end());
  for (size_t i = 0; i < hits.size() && i < 5; ++i) g.topics.push_back(hits[i].second);
  g.found.push_back("topics: " + (g.topics.empty()
                                      ? std::string("none of the archive's topics named")
                                      : join(g.topics, ", ")));
}

// Every 《…》 that names a registered regulation; the others are listed.
void guess_regulations(const ReportStructure& s, const ArchiveNames& names, GuessedFrontMatter& g) {
  NameIndex index;
  add_entries(index, names.regulations);
  std::string text = all_text(s);
  std::vector<std::string> unknown;
  // The same 《…》 spans `dossier check` reads citations from.
  for_each_title_quote(text, [&](std::string_view quoted, size_t) {
    std::string inside(quoted);
    int i = index.find(inside);
    if (i >= 0) {
      const std::string& title = names.regulations[static_cast<size_t>(i)].title;
      if (std::find(g.regulations.begin(), g.regulations.end(), title) == g.regulations.end())
        g.regulations.push_back(title);
    } else if (std::find(unknown.begin(), unknown.end(), inside) == unknown.end() &&
               unknown.size() < 50) {
      unknown.push_back(inside);
    }
  });
  g.found.push_back("regulations: " + (g.regulations.empty() ? std::string("none registered cited")
                                                             : join(g.regulations, ", ")));
  if (!unknown.empty())
    g.not_done.push_back("not in the regulation registry: 《" + join(unknown, "》《") + "》");
}

}  // namespace

std::string unit_slug(const ArchiveNames& names, const std::string& name) {
  NameIndex index;
  add_entries(index, names.units);
  int i = index.find(name);
  return i >= 0 ? names.units[static_cast<size_t>(i)].slug : slugify(name);
}

void add_entries(NameIndex& index, const std::vector<ArchiveNames::Entry>& entries) {
  for (size_t i = 0; i < entries.size(); ++i) {
    index.add(entries[i].slug, static_cast<int>(i));
    for (const auto& n : entries[i].names) index.add(n, static_cast<int>(i));
  }
}

ArchiveNames ArchiveNames::from(const Archive& a) {
  ArchiveNames n;
  n.units = entries_of(a.units);
  n.topics = entries_of(a.topics);
  n.regulations = entries_of(a.regulations);
  std::map<int, int> uses;  // unit -> reports naming it
  for (const auto& r : a.reports) {
    n.report_ids.push_back(r.id);
    for (int u : r.unit_ids) ++uses[u];
  }
  int best = -1, most = 0;
  for (auto [u, count] : uses)
    if (u >= 0 && static_cast<size_t>(u) < a.units.size() && count > most) best = u, most = count;
  if (best >= 0) n.main_unit = a.units[static_cast<size_t>(best)].title;
  return n;
}

std::optional<Date> date_in_text(const std::string& text, bool exact_only, std::string* why) {
  static const std::regex full("((?:19|20)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日");
  static const std::regex partial(
      "((?:19|20)[0-9]{2})年(?:([0-9]{1,2})月)?(以来|上半年|下半年|度|)");
  std::smatch m;
  if (std::regex_search(text, m, full)) {
    if (auto d = parse_date(m[1].str() + "-" + (m[2].length() == 1 ? "0" : "") + m[2].str() + "-" +
                            (m[3].length() == 1 ? "0" : "") + m[3].str())) {
      *why = m[0].str();
      return d;
    }
  }
  if (exact_only || !std::regex_search(text, m, partial)) return std::nullopt;
  int month = m[2].matched ? std::stoi(m[2].str()) : 1;
  if (month < 1 || month > 12) month = 1;
  if (m[3].str() == "下半年" && !m[2].matched) month = 7;
  *why = m[0].str();
  return Date{std::stoi(m[1].str()), month, 1};
}

std::string kind_from_wording(const std::string& title, const std::string& head,
                              const std::string& all, std::string* why) {
  enum Where { kTitle, kHead, kAll };
  struct Rule {
    const char* word;
    const char* kind;
    Where where;
  };
  static const Rule rules[] = {
      {"讲话", "讲话", kTitle},
      {"同志们", "讲话", kAll},
      {"督导调研", "督导调研报告", kHead},
      {"自查", "自查报告", kHead},
      {"整改情况", "整改情况报告", kHead},
      {"整改工作", "整改情况报告", kHead},
      {"汇报如下", "工作汇报", kHead},
      {"报告如下", "工作汇报", kHead},
  };
  for (const Rule& r : rules) {
    const std::string& text = r.where == kTitle ? title : r.where == kHead ? head : all;
    if (contains(text, r.word)) {
      *why = std::string("from '") + r.word + "'";
      return r.kind;
    }
  }
  *why = "no telling wording; the usual kind";
  return "工作汇报";
}

// The unit named first in `text` (the longest name where several start at
// the same place).
int unit_in_text(const std::string& text, const ArchiveNames& names, std::string* matched) {
  std::string hay = NameIndex::key(text);
  int best = -1;
  size_t best_at = hay.npos, best_len = 0;
  for (size_t i = 0; i < names.units.size(); ++i)
    for (const auto& n : names.units[i].names) {
      std::string k = NameIndex::key(n);
      size_t at = utf8_length(k) >= 2 ? hay.find(k) : hay.npos;
      if (at == hay.npos || at > best_at || (at == best_at && k.size() <= best_len)) continue;
      best = static_cast<int>(i);
      best_at = at;
      best_len = k.size();
      *matched = n;
    }
  return best;
}

std::string subject_of(const std::string& opening, std::string* noun) {
  static const std::regex re("现将(.{2,120}?)(?:具体|的)?(汇报|报告)(?:如下|于后)");
  std::smatch m;
  if (!std::regex_search(opening, m, re)) return "";
  *noun = m[2].str();
  std::string s = m[1].str();
  for (const char* tail : {"具体", "的", "有关", "相关"})
    if (s.size() > std::string(tail).size() &&
        s.compare(s.size() - std::string(tail).size(), std::string::npos, tail) == 0)
      s.resize(s.size() - std::string(tail).size());
  return s;
}

GuessedFrontMatter guess_front_matter(const ReportStructure& s, const ArchiveNames& names,
                                      const GuessInputs& in) {
  GuessedFrontMatter g;
  guess_date(s, in, g);
  guess_unit(s, names, in, g);
  std::string why;
  g.kind = kind_from_wording(s.title, s.title + paragraphs_text(s.opening), all_text(s), &why);
  guess_title(s, names, g);
  g.found.push_back("kind: " + g.kind + " (" + why + ")");
  guess_topics(s, names, g);
  guess_regulations(s, names, g);
  return g;
}

}  // namespace dossier
