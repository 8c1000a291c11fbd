// Whole-file writes, hashed copies, renames and pruning removals (POSIX).
#include "publish/file_ops.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <vector>

#include "base/parallel.h"

namespace dossier {

namespace {

Status errno_status(const std::string& what, const std::string& path, int err) {
  return Status::error("cannot " + what + " " + path + ": " + std::strerror(err));
}

// Writes all of data to fd.
bool write_all(int fd, std::string_view data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

int open_for_writing(const std::string& path, int flags = O_TRUNC) {
  return ::open(path.c_str(), O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | flags, 0644);
}

// A buffer for reading the file open as fd: its size, at most 1 MiB.
std::string read_buffer(int fd) {
  struct stat st {};
  off_t size = ::fstat(fd, &st) == 0 ? st.st_size : 0;
  return std::string(static_cast<size_t>(std::clamp<off_t>(size, 4096, 1 << 20)), '\0');
}

// Reads up to buffer.size() bytes; -1 on error.
ssize_t read_some(int fd, std::string& buffer) {
  for (;;) {
    ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n >= 0 || errno != EINTR) return n;
  }
}

// Writes data to a file just opened (or failed to open) for writing.
Status write_and_close(int fd, const std::string& path, std::string_view data) {
  if (fd < 0) return errno_status("write", path, errno);
  if (!write_all(fd, data)) {
    int err = errno;
    ::close(fd);
    return errno_status("write", path, err);
  }
  // A share may report a failed write only when the file is closed.
  if (::close(fd) != 0) return errno_status("write", path, errno);
  return Status::ok();
}

}  // namespace

Status write_whole_file(const std::string& path, std::string_view data) {
  return write_and_close(open_for_writing(path), path, data);
}

Status create_new_file(const std::string& path, std::string_view data) {
  return write_and_close(open_for_writing(path, O_EXCL), path, data);
}

Status replace_file(const std::string& path, std::string_view data) {
  int fd = open_for_writing(path, O_EXCL);
  if (fd < 0 && errno == EEXIST && ::unlink(path.c_str()) == 0) fd = open_for_writing(path, O_EXCL);
  return write_and_close(fd, path, data);
}

Result<FileDigest> digest_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno_status("read", path, errno);
  Sha256 hash;
  FileDigest out;
  std::string buffer = read_buffer(fd);
  ssize_t n;
  while ((n = read_some(fd, buffer)) > 0) {
    hash.update(std::string_view(buffer.data(), static_cast<size_t>(n)));
    out.size += static_cast<uint64_t>(n);
  }
  int err = errno;
  ::close(fd);
  if (n < 0) return errno_status("read", path, err);
  out.sha256 = hash.hex();
  return out;
}

Result<FileDigest> copy_file_hashed(const std::string& from, const std::string& to,
                                    uint64_t stop_after) {
  int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return errno_status("read", from, errno);
  int out = open_for_writing(to);
  if (out < 0) {
    int err = errno;
    ::close(in);
    return errno_status("write", to, err);
  }
  Sha256 hash;
  FileDigest digest;
  std::string buffer = read_buffer(in);
  Status status = Status::ok();
  while (status.is_ok() && digest.size < stop_after) {
    ssize_t n = read_some(in, buffer);
    if (n < 0) status = errno_status("read", from, errno);
    if (n <= 0) break;
    std::string_view piece(buffer.data(), static_cast<size_t>(n));
    piece = piece.substr(
        0, static_cast<size_t>(std::min<uint64_t>(piece.size(), stop_after - digest.size)));
    if (!write_all(out, piece)) status = errno_status("write", to, errno);
    hash.update(piece);
    digest.size += piece.size();
  }
  ::close(in);
  if (::close(out) != 0 && status.is_ok()) status = errno_status("write", to, errno);
  if (!status.is_ok()) return status;
  digest.sha256 = hash.hex();
  return digest;
}

Status create_parent_folders(const std::string& root, std::string_view rel) {
  size_t slash = rel.rfind('/');
  if (slash == std::string_view::npos) return Status::ok();
  std::filesystem::path dir = std::filesystem::path(root) / std::string(rel.substr(0, slash));
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::error("cannot create folder " + dir.string() + ": " + ec.message());
  return Status::ok();
}

std::optional<uint64_t> regular_file_size(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return static_cast<uint64_t>(st.st_size);
}

Status rename_file(const std::string& from, const std::string& to) {
  if (::rename(from.c_str(), to.c_str()) != 0)
    return Status::error("cannot rename " + from + " to " + to + ": " + std::strerror(errno));
  return Status::ok();
}

Status remove_tree(const std::string& path, int threads) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(path, ec))) {
    fs::remove(path, ec);  // a file or a link: nothing to share out
    return ec ? errno_status("remove", path, ec.value()) : Status::ok();
  }
  // Everything below `path`, folders after what they hold when reversed.
  std::vector<std::string> files, folders{path};
  for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    bool folder = it->is_directory(ec) && !it->is_symlink(ec);
    (folder ? folders : files).push_back(it->path().string());
  }
  std::mutex mutex;
  Status first = Status::ok();
  auto failed = [&](const std::string& p) {
    int err = errno;
    std::lock_guard lock(mutex);
    if (first.is_ok()) first = errno_status("remove", p, err);
  };
  constexpr size_t kBatch = 256;
  parallel_for((files.size() + kBatch - 1) / kBatch, threads, [&](size_t b) {
    for (size_t i = b * kBatch; i < std::min(files.size(), (b + 1) * kBatch); ++i)
      if (::unlink(files[i].c_str()) != 0 && errno != ENOENT) failed(files[i]);
  });
  for (auto f = folders.rbegin(); f != folders.rend(); ++f)
    if (::rmdir(f->c_str()) != 0 && errno != ENOENT) failed(*f);
  if (ec && first.is_ok()) first = errno_status("list", path, ec.value());
  return first;
}

Result<bool> remove_file_and_empty_folders(const std::string& root, std::string_view rel) {
  std::string path = root + "/" + std::string(rel);
  if (::unlink(path.c_str()) != 0) {
    if (errno == ENOENT) return false;
    return errno_status("remove", path, errno);
  }
  // rmdir(2) removes only an empty folder: stop at the first that is not.
  for (size_t slash = rel.rfind('/'); slash != std::string_view::npos && slash > 0;
       slash = rel.rfind('/', slash - 1)) {
    std::string dir = root + "/" + std::string(rel.substr(0, slash));
    if (::rmdir(dir.c_str()) != 0) break;
  }
  return true;
}

}  // namespace dossier
