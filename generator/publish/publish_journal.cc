// The publish journal: its line format, reading it into a TargetState, and
// appending to it.
#include "publish/publish_journal.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "publish/site_writer.h"  // check_output_path

namespace dossier {

namespace {

constexpr std::string_view kHeader = "dossier publish journal 1";

// Applies one line; false when it is not a journal line.
bool apply_line(const std::string& line, TargetState& state) {
  size_t space = line.find(' ');
  if (space == std::string::npos) return false;
  std::string verb = line.substr(0, space), path = line.substr(space + 1);
  if (!check_output_path(path).is_ok()) return false;
  if (verb == "temp") {
    state.temps.insert(path);
  } else if (verb == "write") {
    state.known.erase(path);
    state.owned.insert(path);
    state.rewritten.insert(path);
  } else {
    return false;
  }
  return true;
}

}  // namespace

std::string temp_path_for(std::string_view path) {
  size_t slash = path.rfind('/');
  size_t name = slash == std::string_view::npos ? 0 : slash + 1;
  return std::string(path.substr(0, name)) + "." + std::string(path.substr(name)) + "~dossier-tmp";
}

TargetState state_from_manifest(const Manifest* manifest) {
  TargetState state;
  if (!manifest) return state;
  for (const auto& f : manifest->files) {
    state.known[f.path] = f.digest();
    state.owned.insert(f.path);
  }
  return state;
}

Status apply_journal(std::string_view text, TargetState& state) {
  size_t number = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) break;  // cut by a kill: never acted on
    std::string line(text.substr(start, end - start));
    start = end + 1;
    ++number;
    if (number == 1 && line == kHeader) continue;
    if (!apply_line(line, state))
      return Status::error(std::to_string(number) + ": not a journal line: " + line);
  }
  return Status::ok();
}

namespace {

// The length of the journal without a last line that a kill cut (no line
// end): lines are far shorter than the 1 KiB read.
off_t whole_lines_length(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0 || st.st_size == 0) return 0;
  char tail[1024];
  off_t from = st.st_size > 1024 ? st.st_size - 1024 : 0;
  ssize_t n = ::pread(fd, tail, static_cast<size_t>(st.st_size - from), from);
  for (ssize_t i = n - 1; i >= 0; --i)
    if (tail[i] == '\n') return from + i + 1;
  return 0;
}

}  // namespace

Result<std::unique_ptr<JournalWriter>> JournalWriter::open(const std::string& target) {
  std::string path = target + "/" + std::string(kJournalName);
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return Status::error("cannot write " + path + ": " + std::strerror(errno));
  std::unique_ptr<JournalWriter> writer(new JournalWriter(fd, path));
  // A cut last line goes, so the next line does not continue it.
  off_t length = whole_lines_length(fd);
  if (::ftruncate(fd, length) != 0)
    return Status::error("cannot write " + path + ": " + std::strerror(errno));
  if (length == 0) {
    if (Status s = writer->append(std::string(kHeader) + "\n"); !s.is_ok()) return s;
  }
  return writer;
}

JournalWriter::~JournalWriter() {
  if (fd_ >= 0) ::close(fd_);
}

Status JournalWriter::append(const std::string& line) {
  for (;;) {
    ssize_t n = ::write(fd_, line.data(), line.size());
    if (n == static_cast<ssize_t>(line.size())) return Status::ok();
    if (n < 0 && errno == EINTR) continue;
    return Status::error("cannot write " + path_ + ": " +
                         (n < 0 ? std::strerror(errno) : "short write"));
  }
}

Status JournalWriter::temp(std::string_view path) {
  return append("temp " + std::string(path) + "\n");
}

Status JournalWriter::write(std::string_view path) {
  return append("write " + std::string(path) + "\n");
}

Status JournalWriter::remove() {
  if (::close(fd_) != 0)
    return Status::error("cannot write " + path_ + ": " + std::strerror(errno));
  fd_ = -1;
  if (::unlink(path_.c_str()) != 0)
    return Status::error("cannot remove " + path_ + ": " + std::strerror(errno));
  return Status::ok();
}

}  // namespace dossier
