#include "indexer/search_shards.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2 (glibc 2.28)
#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace policygraph::indexer {

namespace fs = std::filesystem;

namespace {

constexpr char kShardPrefix[] = "search-shard-";
constexpr char kMerged[] = "search-merged";
constexpr char kReplaced[] = "search-replaced";

Status SyncDirectory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Status::IOError("cannot open " + dir.string() + ": " + std::strerror(errno));
  const int synced = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (synced != 0) return Status::IOError("cannot sync " + dir.string() + ": " + std::strerror(error));
  return Status::OK();
}

}  // namespace

SearchShardDirs::SearchShardDirs(const std::string& data_dir, size_t shards)
    : work_((fs::path(data_dir) / "work").string()), merged_((fs::path(work_) / kMerged).string()) {
  for (size_t k = 0; k < shards; ++k) shards_.push_back((fs::path(work_) / (kShardPrefix + std::to_string(k))).string());
}

SearchShardDirs::~SearchShardDirs() {
  (void)RemoveAll();
  std::error_code ec;
  fs::remove(work_, ec);  // only when empty: the graph's pending file may still be there
}

Status SearchShardDirs::RemoveAll() {
  std::error_code ec;
  if (!fs::exists(work_, ec)) return Status::OK();
  // Every shard a run left, however many it wrote, not only this run's.
  for (const auto& entry : fs::directory_iterator(work_, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(kShardPrefix, 0) == 0 || name == kMerged || name == kReplaced) {
      std::error_code removed;
      fs::remove_all(entry.path(), removed);
      if (removed) return Status::IOError("cannot remove " + entry.path().string() + ": " + removed.message());
    }
  }
  if (ec) return Status::IOError("cannot list " + work_ + ": " + ec.message());
  return Status::OK();
}

Status SearchShardDirs::Create() {
  Status s = RemoveAll();
  if (!s.ok()) return s;
  if (shards_.empty()) return Status::OK();
  std::error_code ec;
  fs::create_directories(work_, ec);
  if (ec) return Status::IOError("cannot create " + work_ + ": " + ec.message());
  return Status::OK();
}

Status MergeSearchShards(const std::vector<std::string>& shards, const std::string& merged) {
  try {
    Xapian::Database sources;
    for (const auto& shard : shards) sources.add_database(Xapian::Database(shard));
    // Renumbering (the default) offsets each shard's docids to follow the
    // previous shard's last. STANDARD: blocks are not split to save space,
    // so that later runs update the merged index as they would a written one.
    sources.compact(merged, Xapian::Compactor::STANDARD);
    return Status::OK();
  } catch (const Xapian::Error& e) {
    return Status::IOError("merging the search index's shards into " + merged + ": " + e.get_description());
  }
}

Status ReplaceDirectory(const std::string& target, const std::string& replacement) {
  const fs::path parent = fs::path(target).parent_path();
  if (::renameat2(AT_FDCWD, replacement.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
    // `replacement` now names what `target` was.
    Status s = SyncDirectory(parent);
    if (!s.ok()) return s;
    std::error_code ec;
    fs::remove_all(replacement, ec);
    if (ec) return Status::IOError("cannot remove " + replacement + ": " + ec.message());
    return Status::OK();
  }
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) {
    return Status::IOError("cannot move " + replacement + " to " + target + ": " + std::strerror(errno));
  }
  // No exchange on this file system: two renames.
  const fs::path aside = fs::path(replacement).parent_path() / kReplaced;
  std::error_code ec;
  fs::remove_all(aside, ec);
  fs::rename(target, aside, ec);
  if (ec) return Status::IOError("cannot move " + target + " aside: " + ec.message());
  fs::rename(replacement, target, ec);
  if (ec) return Status::IOError("cannot move " + replacement + " to " + target + ": " + ec.message());
  Status s = SyncDirectory(parent);
  if (!s.ok()) return s;
  fs::remove_all(aside, ec);
  if (ec) return Status::IOError("cannot remove " + aside.string() + ": " + ec.message());
  return Status::OK();
}

}  // namespace policygraph::indexer
