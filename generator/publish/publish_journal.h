// What a publish leaves in the target folder while it runs, and what dossier
// knows of that folder from it (docs/publish.md): the journal of the files it
// writes, and the temporary names they are written under before a rename.
// Both names hold a '~', which no output path does (check_output_path).
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "base/status.h"
#include "publish/manifest.h"

namespace dossier {

inline constexpr std::string_view kJournalName = ".dossier-publish~journal";

// Where a file is written before it is renamed to `path`, in the same
// folder: "reports/a/index.html" -> "reports/a/.index.html~dossier-tmp".
std::string temp_path_for(std::string_view path);

// What dossier knows of a target folder: its manifest.json, then the
// journals of publishes that did not finish.
struct TargetState {
  std::map<std::string, FileDigest> known;  // path -> what dossier put there
  std::set<std::string> owned;              // files dossier wrote: it may remove them
  std::set<std::string> temps;              // paths whose temporary file may remain
  // Files a publish that did not finish may have replaced (renamed into
  // place, or a placeholder): what they hold is unknown until read back.
  std::set<std::string> rewritten;
};

// The state a manifest (may be null: none) describes.
TargetState state_from_manifest(const Manifest* manifest);

// Applies a journal's lines to `state`: `temp PATH` before the temporary
// file of PATH is written, `write PATH` before PATH itself is (a rename or
// a placeholder). A last line without its line end (a cut write) is
// ignored. Errors name the line: "3: not a journal line: ...".
Status apply_journal(std::string_view text, TargetState& state);

// Appends to the journal of a target folder, creating it. One write(2) a
// line, so a killed process leaves whole lines (the last may be cut).
class JournalWriter {
 public:
  static Result<std::unique_ptr<JournalWriter>> open(const std::string& target);
  ~JournalWriter();
  JournalWriter(const JournalWriter&) = delete;
  JournalWriter& operator=(const JournalWriter&) = delete;

  Status temp(std::string_view path);   // `temp PATH`
  Status write(std::string_view path);  // `write PATH`
  Status remove();                      // the publish is complete

 private:
  JournalWriter(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  Status append(const std::string& line);

  int fd_;
  std::string path_;
};

}  // namespace dossier
