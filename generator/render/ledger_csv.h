// ledger/ledger.csv: the 整改台账 for Excel. UTF-8 with BOM, CRLF line ends,
// RFC 4180 quoting; one row per issue and addressing measure (an issue
// without measures gets one row). Cells that Excel would run as a formula
// (= + - @ at the start) are prefixed with an apostrophe.
#pragma once

#include <string>

#include "model/archive.h"

namespace dossier {

std::string ledger_csv(const Archive& archive);

// One CSV cell, quoted when needed and defused against formula injection.
std::string csv_cell(std::string_view value);

}  // namespace dossier
