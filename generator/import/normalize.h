// Normalisation of imported text before structure detection: full-width
// digits, letters and spaces to ASCII, punctuation variants to one form,
// line ends to "\n", each line trimmed; control characters dropped and bytes
// that are not UTF-8 replaced (U+FFFD), as content may hold neither. Chinese
// punctuation stays Chinese.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dossier {

// One line of imported text, normalised.
std::string normalize_line(std::string_view line);

// The non-empty lines of `text`, each normalised (CRLF, CR, LF, U+2028,
// form feeds and vertical tabs all end a line).
std::vector<std::string> normalized_paragraphs(std::string_view text);

}  // namespace dossier
