// SiteWriter: writes a build into a staging folder beside the target, then
// swaps it into place in one rename (SPEC §4: a failed build leaves the
// previous site untouched). Records size and SHA-256 of every file for
// manifest.json, written last, and takes over what the previous site's
// manifest says is unchanged instead of writing it again.
#pragma once

#include <time.h>

#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "publish/manifest.h"

namespace dossier {

class SiteWriter {
 public:
  // Refuses a target that exists, is not empty and is not a dossier site
  // (no manifest.json of ours): a typo in -o must not replace a folder.
  static Result<std::unique_ptr<SiteWriter>> create(const std::string& target);
  ~SiteWriter();  // removes the staging folder unless commit() succeeded

  // Thread-safe. `path` is relative to the site root and must obey the
  // output path rules (ASCII, lower case, at most 200 characters).
  Status write(std::string_view path, std::string_view data);

  // Records a file something else wrote into the staging folder (the Xapian
  // database): reads it for the manifest. Thread-safe.
  Status record(std::string_view path);

  // Writes manifest.json, then replaces the target with the staging folder.
  Status commit();

  const std::string& staging_dir() const { return staging_; }

 private:
  SiteWriter(std::string target, std::string staging);
  // Creates the folders above `path` (relative) in the staging folder, each
  // once: a build writes tens of thousands of files into a few folders.
  Status make_parent_dirs(std::string_view path);

  // Gives the staged file `staged` the previous site's file at the same
  // path, as a second name (link(2)), when that holds what `entry` says: a
  // rebuild then creates no file for what did not change. False when not.
  bool link_unchanged(const ManifestEntry& entry, const std::string& staged);

  std::string target_;
  std::string staging_;
  bool committed_ = false;
  std::mutex mutex_;
  std::set<std::string> dirs_;  // created folders below staging_
  std::vector<ManifestEntry> entries_;
  // The previous site's manifest: what each file held when it was written,
  // and when the manifest was, after all of them.
  std::unordered_map<std::string, FileDigest> previous_files_;
  timespec previous_manifest_time_{};
};

// Whether `path` obeys the output path rules; else why not.
Status check_output_path(std::string_view path);

}  // namespace dossier
