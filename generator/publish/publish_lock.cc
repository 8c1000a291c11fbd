// The publish lock: flock(2) on a file in the target folder, which the
// publish holding it removes when it ends. A publish killed leaves the file,
// not the lock (the kernel lets go of it), so the next one goes on.
#include "publish/publish_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace dossier {

namespace {

// Whether `fd` is still the file at `path`: the publish that held the lock
// may have removed the file after this one opened it, and a lock on a file
// no longer in the folder keeps no one out.
bool still_there(int fd, const std::string& path) {
  struct stat held = {};
  struct stat named = {};
  return ::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 &&
         held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

}  // namespace

Result<std::unique_ptr<PublishLock>> PublishLock::take(const std::string& dir, std::ostream& err) {
  std::error_code ec;
  if (std::filesystem::exists(dir, ec) && !std::filesystem::is_directory(dir, ec))
    return Status::error(dir + " exists and is not a folder");
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::error("cannot create " + dir + ": " + ec.message());
  std::string path = dir + "/" + std::string(kLockName);
  for (;;) {
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return Status::error("cannot write " + path + ": " + std::strerror(errno));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      int error = errno;  // LOCK_NB: never waits, so never EINTR
      if (error == EWOULDBLOCK) {
        ::close(fd);
        return Status::error("another publish into " + dir + " is running (it holds " + path +
                             "); publish again once it has finished");
      }
      err << "dossier: warning: " << dir << " cannot be locked (" << std::strerror(error)
          << "): make sure that no other publish writes into it meanwhile\n";
      return std::unique_ptr<PublishLock>(new PublishLock(fd, path));
    }
    if (still_there(fd, path)) return std::unique_ptr<PublishLock>(new PublishLock(fd, path));
    ::close(fd);
  }
}

PublishLock::~PublishLock() {
  ::unlink(path_.c_str());
  ::close(fd_);
}

}  // namespace dossier
