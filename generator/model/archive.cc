// Names and labels of the model's enumerations.
#include "model/archive.h"

namespace dossier {

std::string_view status_name(MeasureStatus s) {
  switch (s) {
    case MeasureStatus::kPlanned:
      return "planned";
    case MeasureStatus::kInProgress:
      return "in-progress";
    case MeasureStatus::kDone:
      return "done";
  }
  return "planned";
}

std::string_view status_name(IssueStatus s) {
  switch (s) {
    case IssueStatus::kOpen:
      return "open";
    case IssueStatus::kInProgress:
      return "in-progress";
    case IssueStatus::kRectified:
      return "rectified";
    case IssueStatus::kOverdue:
      return "overdue";
  }
  return "open";
}

std::string_view status_label(MeasureStatus s) {
  switch (s) {
    case MeasureStatus::kPlanned:
      return "计划中";
    case MeasureStatus::kInProgress:
      return "进行中";
    case MeasureStatus::kDone:
      return "已完成";
  }
  return "计划中";
}

std::string_view status_label(IssueStatus s) {
  switch (s) {
    case IssueStatus::kOpen:
      return "待整改";
    case IssueStatus::kInProgress:
      return "整改中";
    case IssueStatus::kRectified:
      return "已整改";
    case IssueStatus::kOverdue:
      return "已逾期";
  }
  return "待整改";
}

void Archive::release_sources() {
  for (auto& r : reports) r.source.reset();
  for (auto& g : regulations) g.source.reset();
  for (auto& u : units) u.source.reset();
  for (auto& t : topics) t.source.reset();
}

void Archive::release_report_html() {
  for (auto& r : reports) std::string().swap(r.body.html);
}

std::string_view regulation_status_label(std::string_view status) {
  if (status == "in-force") return "现行有效";
  if (status == "amended") return "已修订";
  if (status == "repealed") return "已废止";
  return status;
}

std::string_view kind_name(ItemKind k) {
  return k == ItemKind::kIssue ? "issue" : "measure";
}

}  // namespace dossier
