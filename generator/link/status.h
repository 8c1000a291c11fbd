// Derived status (SPEC §2.4): a measure is overdue when past its due date and
// not done; an issue is open (no measure), overdue (a measure overdue),
// rectified (all measures done) or in progress. "Today" is Archive::today.
#pragma once

#include "model/archive.h"

namespace dossier {

void derive_status(Archive& archive);

}  // namespace dossier
