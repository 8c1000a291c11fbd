// Decoding of imported text files: finds the encoding of a .txt report
// (UTF-8 with or without BOM, UTF-16 with a BOM or detected, GB18030/GBK and
// what ICU's charset detector recognises) and returns it as UTF-8.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace dossier {

struct DecodedText {
  std::string text;      // UTF-8, no BOM, line ends as in the file
  std::string encoding;  // "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "GB18030", ...
};

// Largest file `dossier import` reads (a report is rarely over 1 MB).
inline constexpr size_t kMaxImportBytes = 16 * 1024 * 1024;

// Decodes `bytes`. Fails with a message a user can act on for an empty
// file, a file over kMaxImportBytes, and bytes that are not text in any
// encoding tried (binary data, too many undecodable sequences).
Result<DecodedText> decode_text(std::string_view bytes);

}  // namespace dossier
