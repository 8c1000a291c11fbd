// .docx reading: see docx_reader.h. Only word/document.xml, styles.xml and
// numbering.xml are read; each part is limited in size (zip bombs).
#include "import/docx_reader.h"

#include <zip.h>

#include <map>
#include <memory>
#include <pugixml.hpp>

#include "import/normalize.h"
#include "import/report_writer.h"

namespace dossier {

namespace {

constexpr zip_uint64_t kMaxPartBytes = 64 * 1024 * 1024;

// One part of the zip, or nullopt when it is absent.
Result<std::optional<std::string>> read_part(zip_t* za, const char* name) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(za, name, 0, &st) != 0) return std::optional<std::string>();
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > kMaxPartBytes)
    return Status::error(std::string(name) + " is too large");
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen(za, name, 0), zip_fclose);
  if (!f) return Status::error(std::string("cannot read ") + name + ": " + zip_strerror(za));
  std::string data(st.size, '\0');
  zip_int64_t n = zip_fread(f.get(), data.data(), st.size);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size)
    return Status::error(std::string("cannot read ") + name + " (damaged zip)");
  return std::optional<std::string>(std::move(data));
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Paragraph styles: heading level and numbering by style id.
struct StyleInfo {
  int heading = 0;
  std::string num_id, ilvl = "0";
};

std::map<std::string, StyleInfo> read_styles(const pugi::xml_document& doc) {
  std::map<std::string, StyleInfo> out;
  for (auto s : doc.child("w:styles").children("w:style")) {
    StyleInfo info;
    std::string name = lower(s.child("w:name").attribute("w:val").value());
    if (name.rfind("heading ", 0) == 0) info.heading = std::atoi(name.c_str() + 8);
    auto num = s.child("w:pPr").child("w:numPr");
    info.num_id = num.child("w:numId").attribute("w:val").value();
    if (auto l = num.child("w:ilvl")) info.ilvl = l.attribute("w:val").value();
    out[s.attribute("w:styleId").value()] = info;
  }
  return out;
}

// List numbering: counters per list and level, the level's text pattern.
class Numbering {
 public:
  explicit Numbering(const pugi::xml_document& doc) : root_(doc.child("w:numbering")) {}

  // The number text of the next paragraph of list `num_id` at `ilvl`.
  std::string next(const std::string& num_id, int ilvl) {
    pugi::xml_node num = root_.find_child_by_attribute("w:num", "w:numId", num_id.c_str());
    std::string abs = num.child("w:abstractNumId").attribute("w:val").value();
    pugi::xml_node an =
        root_.find_child_by_attribute("w:abstractNum", "w:abstractNumId", abs.c_str());
    pugi::xml_node lvl =
        an.find_child_by_attribute("w:lvl", "w:ilvl", std::to_string(ilvl).c_str());
    if (!lvl) return "";
    auto& counters = counters_[num_id];
    counters.resize(10, 0);
    if (ilvl < 0 || ilvl >= 10) return "";
    int start = lvl.child("w:start").attribute("w:val").as_int(1);
    counters[static_cast<size_t>(ilvl)] =
        counters[static_cast<size_t>(ilvl)] == 0 ? start : counters[static_cast<size_t>(ilvl)] + 1;
    for (size_t d = static_cast<size_t>(ilvl) + 1; d < counters.size(); ++d) counters[d] = 0;
    std::string fmt = lvl.child("w:numFmt").attribute("w:val").value();
    std::string text = lvl.child("w:lvlText").attribute("w:val").value();
    if (fmt == "bullet" || fmt == "none") return "";
    return expand(text, counters, fmt);
  }

 private:
  static std::string expand(const std::string& pattern, const std::vector<int>& counters,
                            const std::string& fmt) {
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
      if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' &&
          pattern[i + 1] <= '9') {
        int n = counters[static_cast<size_t>(pattern[i + 1] - '1')];
        bool chinese = fmt.rfind("chinese", 0) == 0 || fmt.rfind("ideograph", 0) == 0 ||
                       fmt.rfind("japaneseCounting", 0) == 0;
        out += chinese ? chinese_numeral(n) : std::to_string(n);
        ++i;
      } else {
        out += pattern[i];
      }
    }
    return out;
  }

  pugi::xml_node root_;
  std::map<std::string, std::vector<int>> counters_;
};

struct Reader {
  std::map<std::string, StyleInfo> styles;
  Numbering numbering;
  std::vector<SourceParagraph> out;

  static void run_text(pugi::xml_node n, std::string& text) {
    for (auto c : n.children()) {
      std::string_view name = c.name();
      if (name == "w:t")
        text += c.text().get();
      else if (name == "w:tab" || name == "w:br" || name == "w:cr")
        text += ' ';
      else if (name == "w:del" || name == "w:delText" || name == "w:instrText" || name == "w:pPr" ||
               name == "w:rPr")
        continue;
      else
        run_text(c, text);
    }
  }

  SourceParagraph paragraph(pugi::xml_node p) {
    std::string text;
    run_text(p, text);
    auto ppr = p.child("w:pPr");
    StyleInfo style;
    if (auto it = styles.find(ppr.child("w:pStyle").attribute("w:val").value()); it != styles.end())
      style = it->second;
    std::string num_id = style.num_id, ilvl = style.ilvl;
    if (auto num = ppr.child("w:numPr")) {
      num_id = num.child("w:numId").attribute("w:val").value();
      ilvl = num.child("w:ilvl").attribute("w:val").as_string("0");
    }
    SourceParagraph out_p{normalize_line(text), style.heading, false};
    if (!num_id.empty() && num_id != "0" && !out_p.text.empty())
      out_p.text = normalize_line(numbering.next(num_id, std::atoi(ilvl.c_str())) + out_p.text);
    return out_p;
  }

  void table(pugi::xml_node tbl) {
    std::string md;
    size_t columns = 0;
    bool header = true;
    for (auto tr : tbl.children("w:tr")) {
      std::string row = "|";
      size_t cells = 0;
      for (auto tc : tr.children("w:tc")) {
        std::string cell;
        for (auto p : tc.children("w:p")) {
          std::string t = normalize_line(paragraph(p).text);
          if (!t.empty()) cell += (cell.empty() ? "" : " ") + t;
        }
        row += " " + markdown_escape(cell) + " |";
        ++cells;
      }
      if (header) columns = cells;
      for (; cells < columns; ++cells) row += "  |";
      md += row + "\n";
      if (header) {
        md += "|";
        for (size_t i = 0; i < columns; ++i) md += " --- |";
        md += "\n";
        header = false;
      }
    }
    if (columns > 0) {
      md.pop_back();
      out.push_back({md, 0, true});
    }
  }

  void block(pugi::xml_node parent) {
    for (auto c : parent.children()) {
      std::string_view name = c.name();
      if (name == "w:p") {
        SourceParagraph p = paragraph(c);
        if (!p.text.empty()) out.push_back(std::move(p));
      } else if (name == "w:tbl") {
        table(c);
      } else if (name == "w:sdt") {
        block(c.child("w:sdtContent"));
      }
    }
  }
};

Result<pugi::xml_document*> parse_part(zip_t* za, const char* name, pugi::xml_document& doc,
                                       bool required) {
  auto part = read_part(za, name);
  if (!part.is_ok()) return part.status();
  if (!part.value()) {
    if (required) return Status::error(std::string("not a Word document (no ") + name + ")");
    return &doc;
  }
  const std::string& xml = *part.value();
  if (!doc.load_buffer(xml.data(), xml.size()))
    return Status::error(std::string("damaged Word document (") + name + " is not XML)");
  return &doc;
}

}  // namespace

Result<std::vector<SourceParagraph>> read_docx(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) return Status::error("cannot read the zip");
  zip_t* raw = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (!raw) {
    zip_source_free(src);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Status::error("not a Word document (not a zip file: " + why + ")");
  }
  std::unique_ptr<zip_t, void (*)(zip_t*)> za(raw, zip_discard);
  pugi::xml_document document, styles, numbering;
  for (auto [name, doc, required] : {std::tuple{"word/document.xml", &document, true},
                                     std::tuple{"word/styles.xml", &styles, false},
                                     std::tuple{"word/numbering.xml", &numbering, false}})
    if (auto r = parse_part(za.get(), name, *doc, required); !r.is_ok()) return r.status();
  Reader reader{read_styles(styles), Numbering(numbering), {}};
  reader.block(document.child("w:document").child("w:body"));
  if (reader.out.empty()) return Status::error("the document holds no text");
  return reader.out;
}

}  // namespace dossier
