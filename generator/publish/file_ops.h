// File operations of the publish stage, each failure with its path and
// cause: whole-file writes, hashes and copies hashed as they go, renames,
// and removals that take away the folders they leave empty. Shared by the site writer
// (a build) and the publisher (a copy to a share).
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "publish/manifest.h"

namespace dossier {

// Writes `data` to `path`, creating or truncating it (not through a
// symbolic link).
Status write_whole_file(const std::string& path, std::string_view data);

// Writes `data` to a new file `path`; fails when anything is there.
Status create_new_file(const std::string& path, std::string_view data);

// Writes `data` to a new file `path`, unlinking what is there first rather
// than writing into it: another name of that file keeps its content.
Status replace_file(const std::string& path, std::string_view data);

// Size and SHA-256 of a file, read in pieces.
Result<FileDigest> digest_file(const std::string& path);

// Copies `from` to `to` (created or truncated) and returns the size and
// SHA-256 of what it read. `stop_after`: copy only that many bytes (the
// publisher's test hook for a copy killed half way).
Result<FileDigest> copy_file_hashed(const std::string& from, const std::string& to,
                                    uint64_t stop_after = std::numeric_limits<uint64_t>::max());

// Creates the folders of `rel` (a '/'-separated path) below `root`.
Status create_parent_folders(const std::string& root, std::string_view rel);

// The size of the regular file at `path`; nullopt when there is none (no
// file, a folder, a symbolic link).
std::optional<uint64_t> regular_file_size(const std::string& path);

// rename(2), replacing `to`.
Status rename_file(const std::string& from, const std::string& to);

// Removes the folder `path` and everything in it, like
// std::filesystem::remove_all, with the files unlinked on `threads` threads:
// a site's tens of thousands of files go faster so, since much of an
// unlink's time is spent waiting on the file system's journal. Removes what
// it can; the first failure is returned. A missing `path` is no failure.
Status remove_tree(const std::string& path, int threads);

// Removes root/rel, then each folder of `rel` it leaves empty (never root).
// Returns whether there was a file to remove.
Result<bool> remove_file_and_empty_folders(const std::string& root, std::string_view rel);

}  // namespace dossier
