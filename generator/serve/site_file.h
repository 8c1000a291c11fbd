// A file of the site as an answer carries it: open, with its size, its
// bytes read only when wanted. The descriptor was opened beneath the
// generation's folder, so it reads that build's file even after a rebuild
// has swapped another folder in. Thread-safe (pread, no shared offset).
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <string>

namespace dossier {

// Opens `name` in the folder `dir` for reading, following no symbolic link:
// how the server opens every file and folder of the site. -1 when it
// cannot.
int open_in_site(int dir, const std::string& name);

class SiteFile {
 public:
  // Takes `fd`, a regular file of `size` bytes, and closes it when done.
  SiteFile(int fd, size_t size) : fd_(fd), size_(size) {}
  ~SiteFile();
  SiteFile(const SiteFile&) = delete;
  SiteFile& operator=(const SiteFile&) = delete;

  size_t size() const { return size_; }
  // Up to `length` bytes at `offset` into `buffer`: how many, 0 at the end
  // of the file, -1 on an error.
  ssize_t read_at(size_t offset, char* buffer, size_t length) const;
  // The whole file into `out`; false when it cannot be read whole (an
  // error, or fewer than size() bytes).
  bool read_all(std::string* out) const;

 private:
  int fd_;
  size_t size_;
};

}  // namespace dossier
