// Tests for link/status: derived issue status (SPEC §2.4) against a fixed
// archive.today.
#include "link/status.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

class DeriveStatus : public ::testing::Test {
 protected:
  DeriveStatus() {
    archive_.today = {2024, 6, 15};
    archive_.reports.resize(1);
  }

  // Adds an issue addressed by measures with the given status and due date.
  int issue(std::vector<std::pair<MeasureStatus, std::optional<Date>>> measures) {
    Report& r = archive_.reports[0];
    int i = static_cast<int>(r.issues.size());
    r.issues.push_back({});
    r.issues.back().id = "I" + std::to_string(i);
    for (const auto& [status, due] : measures) {
      Item m;
      m.kind = ItemKind::kMeasure;
      m.id = "M" + std::to_string(r.measures.size());
      m.status = status;
      m.due = due;
      int mi = static_cast<int>(r.measures.size());
      m.counterparts.push_back({0, ItemKind::kIssue, i});
      r.measures.push_back(m);
      r.issues.back().counterparts.push_back({0, ItemKind::kMeasure, mi});
    }
    return i;
  }

  IssueStatus status_of(int issue) const {
    return archive_.reports[0].issues[static_cast<size_t>(issue)].issue_status;
  }
  bool overdue(int measure) const {
    return archive_.reports[0].measures[static_cast<size_t>(measure)].overdue;
  }

  Archive archive_;
  static constexpr Date kYesterday{2024, 6, 14}, kToday{2024, 6, 15}, kTomorrow{2024, 6, 16};
};

using S = MeasureStatus;

TEST_F(DeriveStatus, OpenWithoutMeasures) {
  int i = issue({});
  derive_status(archive_);
  EXPECT_EQ(status_of(i), IssueStatus::kOpen);
}

TEST_F(DeriveStatus, InProgress) {
  int planned = issue({{S::kPlanned, std::nullopt}});
  int in_progress = issue({{S::kInProgress, kTomorrow}});
  int part_done = issue({{S::kDone, kYesterday}, {S::kPlanned, kTomorrow}});
  derive_status(archive_);
  EXPECT_EQ(status_of(planned), IssueStatus::kInProgress);
  EXPECT_EQ(status_of(in_progress), IssueStatus::kInProgress);
  EXPECT_EQ(status_of(part_done), IssueStatus::kInProgress);
}

TEST_F(DeriveStatus, RectifiedWhenEveryMeasureIsDone) {
  int i = issue({{S::kDone, kYesterday}, {S::kDone, std::nullopt}});
  derive_status(archive_);
  EXPECT_EQ(status_of(i), IssueStatus::kRectified);
  EXPECT_FALSE(overdue(0));  // done measures are never overdue
}

TEST_F(DeriveStatus, OverdueWhenAMeasureIsPastDueAndNotDone) {
  int planned = issue({{S::kPlanned, kYesterday}});
  int in_progress = issue({{S::kInProgress, Date{2020, 1, 1}}});
  derive_status(archive_);
  EXPECT_EQ(status_of(planned), IssueStatus::kOverdue);
  EXPECT_EQ(status_of(in_progress), IssueStatus::kOverdue);
  EXPECT_TRUE(overdue(0));
  EXPECT_TRUE(overdue(1));
}

TEST_F(DeriveStatus, DueTodayIsNotOverdue) {
  int i = issue({{S::kInProgress, kToday}});
  derive_status(archive_);
  EXPECT_FALSE(overdue(0));
  EXPECT_EQ(status_of(i), IssueStatus::kInProgress);
}

TEST_F(DeriveStatus, DoneAndOverdueTogetherIsOverdue) {
  int i = issue({{S::kDone, kYesterday}, {S::kPlanned, kYesterday}});
  derive_status(archive_);
  EXPECT_FALSE(overdue(0));
  EXPECT_TRUE(overdue(1));
  EXPECT_EQ(status_of(i), IssueStatus::kOverdue);
}

TEST_F(DeriveStatus, MeasureWithoutDueDateIsNeverOverdue) {
  int i = issue({{S::kPlanned, std::nullopt}});
  archive_.today = {2099, 12, 31};
  derive_status(archive_);
  EXPECT_FALSE(overdue(0));
  EXPECT_EQ(status_of(i), IssueStatus::kInProgress);
}

TEST(StatusNames, NamesAndLabels) {
  EXPECT_EQ(status_name(IssueStatus::kOpen), "open");
  EXPECT_EQ(status_name(IssueStatus::kInProgress), "in-progress");
  EXPECT_EQ(status_name(IssueStatus::kRectified), "rectified");
  EXPECT_EQ(status_name(IssueStatus::kOverdue), "overdue");
  EXPECT_EQ(status_label(IssueStatus::kOverdue), "已逾期");
  EXPECT_EQ(status_name(MeasureStatus::kInProgress), "in-progress");
  EXPECT_EQ(status_label(MeasureStatus::kDone), "已完成");
  EXPECT_EQ(kind_name(ItemKind::kMeasure), "measure");
}

}  // namespace
}  // namespace dossier
