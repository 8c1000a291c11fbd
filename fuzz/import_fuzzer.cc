// Fuzz target: the input as a file given to `dossier import`, a .docx when
// the first byte is odd and text otherwise. The import must read it or say
// why not, and the report it writes must check without errors in the sample
// archive (README "dossier import").
#include <cstddef>
#include <cstdint>
#include <string>

#include "archive_check.h"
#include "import/front_matter_guess.h"
#include "import/importer.h"
#include "import/report_writer.h"
#include "import/structure.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dossier;
  if (size == 0) return 0;
  std::string name = data[0] % 2 ? "report.docx" : "report.txt";
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string encoding;
  auto paragraphs = read_report_paragraphs(name, bytes, &encoding);
  if (!paragraphs.is_ok()) {
    if (paragraphs.status().message().empty()) fuzz::fail("an unreadable file without a reason");
    return 0;
  }
  static const ArchiveNames names =
      load_archive_names(std::string(DOSSIER_SOURCE_DIR) + "/content");
  ReportStructure structure = detect_structure(std::move(paragraphs.value()));
  GuessedFrontMatter guess =
      guess_front_matter(structure, names, {"", std::nullopt, Date{2024, 5, 6}});
  std::string id = unique_report_id(guess.date, guess.unit_slug, names.report_ids);
  std::string path = "content/reports/" + std::to_string(guess.date.year) + "/" + id + ".md";
  MemoryFileSystem files = fuzz::sample_archive();
  files.add(path, write_report_markdown(structure, guess));
  for (const Diagnostic& d : fuzz::check_archive(files))
    if (d.severity == Severity::kError && d.path == path)
      fuzz::fail("the imported report does not check: " + d.path + ":" +
                 std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + ": " +
                 d.message);
  return 0;
}
