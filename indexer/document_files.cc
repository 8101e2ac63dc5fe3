#include "indexer/document_files.h"

#include <algorithm>
#include <numeric>

namespace policygraph::indexer {

namespace {

// The elements of a POSIX path after its root directory, one at a time, as
// std::filesystem::path iterates them.
class PathElements {
 public:
  explicit PathElements(std::string_view path) : path_(path), at_(SkipSlashes(0)) {}
  // False once there are no more.
  bool Next(std::string_view* element) {
    if (at_ < path_.size()) {
      const size_t end = std::min(path_.find('/', at_), path_.size());
      *element = path_.substr(at_, end - at_);
      at_ = SkipSlashes(end);
      // "a/b/": the trailing slash is an empty last element.
      empty_last_ = end < path_.size() && at_ == path_.size();
      return true;
    }
    if (empty_last_) {
      empty_last_ = false;
      *element = std::string_view();
      return true;
    }
    return false;
  }

 private:
  size_t SkipSlashes(size_t from) const {
    while (from < path_.size() && path_[from] == '/') ++from;
    return from;
  }
  std::string_view path_;
  size_t at_;
  bool empty_last_ = false;
};

}  // namespace

int ComparePaths(std::string_view a, std::string_view b) {
  const bool root_a = !a.empty() && a[0] == '/';
  const bool root_b = !b.empty() && b[0] == '/';
  if (root_a != root_b) return root_a ? 1 : -1;
  PathElements ea(a), eb(b);
  for (;;) {
    std::string_view x, y;
    const bool more_a = ea.Next(&x);
    const bool more_b = eb.Next(&y);
    if (!more_a || !more_b) return more_a == more_b ? 0 : (more_a ? 1 : -1);
    if (const int c = x.compare(y); c != 0) return c < 0 ? -1 : 1;
  }
}

void DocumentFileList::Add(std::string_view path) {
  bytes_.append(path);
  ends_.push_back(bytes_.size());
}

void DocumentFileList::SortUnique() {
  std::vector<size_t> order(size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(),
            [&](size_t x, size_t y) { return ComparePaths((*this)[x], (*this)[y]) < 0; });
  DocumentFileList sorted;
  sorted.bytes_.reserve(bytes_.size());
  sorted.ends_.reserve(ends_.size());
  for (size_t k = 0; k < order.size(); ++k) {
    const std::string_view path = (*this)[order[k]];
    if (k > 0 && ComparePaths(path, (*this)[order[k - 1]]) == 0) continue;
    sorted.Add(path);
  }
  sorted.bytes_.shrink_to_fit();
  sorted.ends_.shrink_to_fit();
  *this = std::move(sorted);
}

}  // namespace policygraph::indexer
