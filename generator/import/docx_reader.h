// Reads a Word document (.docx: a zip of XML, ECMA-376) into paragraphs in
// document order: text of the runs, heading levels from the paragraph
// styles, the numbers of numbered lists (numbering.xml) written out as
// text, and tables as GFM Markdown tables. libzip reads the zip, pugixml
// the XML.
#pragma once

#include <string_view>
#include <vector>

#include "base/status.h"
#include "import/structure.h"

namespace dossier {

Result<std::vector<SourceParagraph>> read_docx(std::string_view bytes);

}  // namespace dossier
