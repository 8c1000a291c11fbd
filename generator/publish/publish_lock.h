// One publish at a time into a folder: the lock file a publish holds while
// it reads and writes the folder (docs/publish.md, "One at a time").
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dossier {

// Its name holds a '~', which no output path does (check_output_path).
inline constexpr std::string_view kLockName = ".dossier-publish~lock";

class PublishLock {
 public:
  // Creates `dir` when it is missing and locks DIR/.dossier-publish~lock
  // (flock). An error when another process holds it. A folder that cannot
  // lock (some shares) is published without, after a warning on `err`.
  static Result<std::unique_ptr<PublishLock>> take(const std::string& dir, std::ostream& err);
  ~PublishLock();  // removes the lock file, then lets go of it
  PublishLock(const PublishLock&) = delete;
  PublishLock& operator=(const PublishLock&) = delete;

 private:
  PublishLock(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_;
  std::string path_;
};

}  // namespace dossier
