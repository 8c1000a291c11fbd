// Measure and issue status derivation.
#include "link/status.h"

#include <algorithm>

namespace dossier {

void derive_status(Archive& archive) {
  for (auto& report : archive.reports)
    for (auto& m : report.measures)
      m.overdue = m.status != MeasureStatus::kDone && m.due && *m.due < archive.today;

  for (auto& report : archive.reports) {
    for (auto& issue : report.issues) {
      const auto& measures = issue.counterparts;
      auto any = [&](auto pred) {
        return std::any_of(measures.begin(), measures.end(),
                           [&](const ItemKey& k) { return pred(archive.item(k)); });
      };
      if (measures.empty()) {
        issue.issue_status = IssueStatus::kOpen;
      } else if (any([](const Item& m) { return m.overdue; })) {
        issue.issue_status = IssueStatus::kOverdue;
      } else if (!any([](const Item& m) { return m.status != MeasureStatus::kDone; })) {
        issue.issue_status = IssueStatus::kRectified;
      } else {
        issue.issue_status = IssueStatus::kInProgress;
      }
    }
  }
}

}  // namespace dossier
