// Opening a file of the site, and reading it at an offset or whole.
#include "serve/site_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace dossier {

int open_in_site(int dir, const std::string& name) {
  return ::openat(dir, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
}

SiteFile::~SiteFile() {
  ::close(fd_);
}

ssize_t SiteFile::read_at(size_t offset, char* buffer, size_t length) const {
  for (;;) {
    ssize_t n = ::pread(fd_, buffer, length, static_cast<off_t>(offset));
    if (n >= 0 || errno != EINTR) return n;
  }
}

bool SiteFile::read_all(std::string* out) const {
  out->resize(size_);
  for (size_t done = 0; done < size_;) {
    ssize_t n = read_at(done, out->data() + done, size_ - done);
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace dossier
