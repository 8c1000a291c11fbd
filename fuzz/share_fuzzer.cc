// Fuzz target: what `dossier publish` and `dossier verify` read back from a
// share, which another machine or a broken copy may have left damaged: the
// input is a manifest.json, and after its first NUL byte (if any) a
// publish journal. Each is taken or refused with a reason; a manifest
// taken is written again by manifest_json into the same entries.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "archive_check.h"
#include "publish/manifest.h"
#include "publish/publish_journal.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dossier;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t split = input.find('\0');
  std::string_view manifest_text = input.substr(0, split);
  std::string_view journal = split == std::string_view::npos ? "" : input.substr(split + 1);

  is_dossier_manifest(manifest_text);
  Result<Manifest> manifest = parse_manifest(manifest_text);
  if (!manifest.is_ok() && manifest.status().message().empty())
    fuzz::fail("a manifest refused without a reason");
  if (manifest.is_ok()) {
    Result<Manifest> again = parse_manifest(manifest_json(manifest.value().files));
    if (!again.is_ok())
      fuzz::fail("a manifest taken, written again, refused: " + again.status().message());
    const auto& a = manifest.value().files;
    const auto& b = again.value().files;
    if (a.size() != b.size()) fuzz::fail("a manifest written again lost entries");
    for (size_t i = 0; i < a.size(); ++i)
      if (a[i].path != b[i].path || a[i].digest() != b[i].digest())
        fuzz::fail("a manifest written again changed " + a[i].path);
  }
  TargetState state = state_from_manifest(manifest.is_ok() ? &manifest.value() : nullptr);
  Status applied = apply_journal(journal, state);
  if (!applied.is_ok() && applied.message().empty())
    fuzz::fail("a journal refused without a reason");
  return 0;
}
