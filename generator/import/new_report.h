// `dossier new report [--unit U] [--title T] [--into CONTENT]` (SPEC §3): a
// report skeleton dated today with the three usual sections and commented
// examples of an issue and a measure, ready to fill in.
#pragma once

#include <iosfwd>
#include <string>

#include "model/date.h"

namespace dossier {

struct NewReportOptions {
  std::string content_dir = "content";
  std::string unit;
  std::string title;
};

// The skeleton's text.
std::string report_skeleton(const std::string& title, const std::string& unit, const Date& date);

// Writes content/reports/<year>/<date>-<unit slug>.md (never over a file)
// and prints its path; returns an ExitCode.
int run_new_report(const NewReportOptions& options, std::ostream& out, std::ostream& err);

}  // namespace dossier
