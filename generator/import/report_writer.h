// Writes an imported report as a content file (SPEC §2): YAML front matter
// from the guesses, and a Markdown body whose section headings are `##`
// headings and whose issues and measures are `### … {#I1}` / `{#M1}`.
#pragma once

#include <string>
#include <string_view>

#include "import/front_matter_guess.h"
#include "import/structure.h"

namespace dossier {

std::string write_report_markdown(const ReportStructure& s, const GuessedFrontMatter& g);

// Escapes the characters Markdown would read as markup, so imported text
// shows as written (`***市` stays three asterisks).
std::string markdown_escape(std::string_view text);

}  // namespace dossier
