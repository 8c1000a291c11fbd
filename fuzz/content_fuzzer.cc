// Fuzz target: the input is a path below content/, a line end and a file's
// bytes ("reports/2022/a.md\n---\n…"). The file replaces the sample
// archive's file of that path or joins the archive. The archive must load,
// and build or fail, as archive_check.h describes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "archive_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t end = input.find('\n');
  std::string_view path = input.substr(0, end);
  // A name no file system would hold is not a file's.
  if (end == std::string_view::npos || path.empty() || path.size() > 200 ||
      path.find('\0') != std::string_view::npos)
    return 0;
  dossier::MemoryFileSystem files = dossier::fuzz::sample_archive();
  files.add("content/" + std::string(path), std::string(input.substr(end + 1)));
  dossier::fuzz::check_archive(files);
  return 0;
}
