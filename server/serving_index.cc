#include "server/serving_index.h"

#include <sys/stat.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

#include "indexer/search_schema.h"
#include "server/search_service.h"

namespace policygraph::server {

namespace fs = std::filesystem;
namespace schema = search_schema;

namespace {

uint64_t ParseNumber(const std::string& s, bool* ok) {
  *ok = false;
  if (s.empty()) return 0;
  try {
    size_t end = 0;
    const uint64_t n = std::stoull(s, &end);
    *ok = end == s.size();
    return n;
  } catch (const std::exception&) {
    return 0;
  }
}

IndexRevision ReadRevision(const Xapian::Database& db) {
  IndexRevision r;
  r.revision = db.get_revision();
  r.uuid = db.get_uuid();
  r.graph_state = db.get_metadata(schema::kGraphStateKey);
  bool ok = false;
  r.generation = ParseNumber(db.get_metadata(schema::kGenerationKey), &ok);
  r.graph_sequence = ParseNumber(db.get_metadata(schema::kGraphSequenceKey), &r.has_graph_sequence);
  return r;
}

// One view of the graph, and what is computed once per view.
struct GraphView {
  std::unique_ptr<graph::GraphStore> store;
  uint64_t sequence = 0;
  std::once_flag breakdown_once;
  graph::GraphBreakdown breakdown;
};

}  // namespace

struct ServingIndex::Generation {
  uint64_t id = 0;  // see Read::generation_id()
  IndexRevision revision;
  std::shared_ptr<GraphView> graph;
  // Search handles at `revision` not in use by a Read.
  std::mutex mutex;
  std::condition_variable returned;
  std::vector<std::unique_ptr<Xapian::Database>> free;
  // A Read found `revision` gone: the generation cannot be kept any longer.
  std::atomic<bool> expired{false};
};

struct ServingIndex::Read::State {
  std::shared_ptr<Generation> generation;
  std::unique_ptr<Xapian::Database> handle;
  std::unique_ptr<PinnedSearchDatabase> pin;
};

struct ServingIndex::Impl {
  Options options;
  std::string search_dir, graph_dir;

  mutable std::mutex current_mutex;
  std::shared_ptr<Generation> current;

  std::mutex refresh_mutex;  // one Refresh at a time; guards `probe`, `generations`
  std::unique_ptr<Xapian::Database> probe;  // reopened to the newest revision
  // The search directory the probe was opened on (device, inode). A new
  // index merged from shards is renamed over the directory in one step
  // (indexer/search_shards.h). Whether reopen() follows such a swap is up
  // to Xapian's internals (a reader keeps its tables' files open), so the
  // probe is opened anew when the directory is another one.
  dev_t probe_device = 0;
  ino_t probe_inode = 0;
  uint64_t generations = 0;  // made so far: the last one's id

  std::mutex stop_mutex;
  std::condition_variable stop;
  bool stopping = false;
  std::thread watcher;

  std::shared_ptr<Generation> Current() const {
    std::lock_guard<std::mutex> lock(current_mutex);
    return current;
  }

  Status OpenGraph(std::shared_ptr<GraphView>* view) const {
    auto v = std::make_shared<GraphView>();
    graph::GraphStoreOptions options;
    options.read_only = true;
    options.create_if_missing = false;
    Status s = graph::GraphStore::Open(graph_dir, options, &v->store);
    if (!s.ok()) return s;
    v->sequence = v->store->Sequence();
    *view = std::move(v);
    return Status::OK();
  }

  // What one look at the index led to: a new generation, or a reason to
  // keep the current one (kDone); or the current one cannot be kept and
  // there is no consistent one to move to yet, and moving anyway would
  // mix two runs (kRetry).
  enum class Step { kDone, kRetry };

  // See ServingIndex::Refresh() and the header. Waits up to kSettle for a
  // consistent generation when the current one has become unreadable; an
  // error only when there is no generation yet.
  Status Refresh() {
    std::lock_guard<std::mutex> lock(refresh_mutex);
    const auto start = std::chrono::steady_clock::now();
    const auto give_up = start + kSettle;
    for (;;) {
      Status s;
      const bool last = std::chrono::steady_clock::now() >= give_up;
      if (Look(/*settle=*/!last, start, &s) == Step::kDone || last) return s;
      std::unique_lock<std::mutex> waiting(stop_mutex);
      if (stop.wait_for(waiting, std::chrono::milliseconds(2), [this] { return stopping; })) return Status::OK();
    }
  }

  // How long Refresh() waits before serving a newer search revision with the
  // last graph. The case it waits for: a run's "complete" commit (a few
  // metadata blocks) reuses blocks of the revision before its "pending"
  // one, which Xapian frees for reuse then, so readers of the last complete
  // generation may fail for the moment between that commit's block writes
  // and its becoming visible (a few fsyncs).
  static constexpr std::chrono::milliseconds kSettle{1000};

  Step Look(bool settle, std::chrono::steady_clock::time_point start, Status* status) {
    *status = Status::OK();
    const std::shared_ptr<Generation> now = Current();
    IndexRevision next;
    try {
      struct stat dir {};
      const bool same_dir = ::stat(search_dir.c_str(), &dir) == 0 && dir.st_dev == probe_device &&
                            dir.st_ino == probe_inode;
      if (probe && same_dir) {
        probe->reopen();
      } else {
        probe = std::make_unique<Xapian::Database>(search_dir);
        // Taken before the open: if the directory is swapped in between,
        // the next look opens the probe once more, nothing worse.
        probe_device = dir.st_dev;
        probe_inode = dir.st_ino;
      }
      next = ReadRevision(*probe);
    } catch (const Xapian::Error& e) {
      probe.reset();
      if (!now) *status = Status::IOError("cannot open the search index at " + search_dir + ": " + e.get_description());
      return Step::kDone;
    }
    if (now && next.revision == now->revision.revision && next.uuid == now->revision.uuid) return Step::kDone;

    const bool complete = next.graph_state != schema::kGraphPending;  // "": an index older than the states
    // The current generation goes on being served as long as its revision
    // is readable: through a "pending" revision (the graph being written),
    // and while a complete revision's graph is not yet what it names.
    const bool can_keep = now && !now->expired;
    // Otherwise, a newer search revision with the last graph only after
    // waiting for a consistent one (`settle`), and at start.
    const bool may_mix = !now || !settle;
    if (!complete && can_keep) return Step::kDone;
    if (!complete && !may_mix) return Step::kRetry;

    std::shared_ptr<GraphView> graph;
    if (complete && next.has_graph_sequence && now && now->graph->sequence == next.graph_sequence) {
      graph = now->graph;
    } else if (complete || !now) {
      Status s = OpenGraph(&graph);
      if (!s.ok()) {
        if (!now) *status = s;
        if (!now || can_keep) return Step::kDone;
        if (!may_mix) return Step::kRetry;
        graph = now->graph;
      } else if (complete && next.has_graph_sequence && graph->sequence != next.graph_sequence) {
        // Not the graph this revision was committed with: the writer's log
        // is not all visible yet (lower), or the next run has begun writing
        // the graph (higher), so this revision's graph is gone.
        if (can_keep) return Step::kDone;
        if (!may_mix) return Step::kRetry;
        if (now) graph = now->graph;  // else, at start: the graph as it is
      }
      // A complete revision without a sequence number (an index written
      // before they were recorded) gets the graph as it is, unchecked.
    } else {
      graph = now->graph;  // "pending", the current revision gone, waited
    }

    auto generation = std::make_shared<Generation>();
    generation->id = ++generations;
    generation->revision = next;
    generation->graph = std::move(graph);
    try {
      for (size_t i = 0; i < std::max<size_t>(options.handles, 1); ++i) {
        auto db = std::make_unique<Xapian::Database>(search_dir);
        // The index moved on while the pool was opened: look again.
        if (db->get_revision() != next.revision || db->get_uuid() != next.uuid) {
          return can_keep ? Step::kDone : Step::kRetry;
        }
        generation->free.push_back(std::move(db));
      }
      if (options.warm) options.warm(*generation->free.front());
    } catch (const Xapian::Error& e) {
      if (!now) *status = Status::IOError("cannot open the search index at " + search_dir + ": " + e.get_description());
      return can_keep || !now ? Step::kDone : Step::kRetry;
    }
    if (options.log) Log(now.get(), *generation, start);
    std::lock_guard<std::mutex> swap(current_mutex);
    current = std::move(generation);
    return Step::kDone;
  }

  void Log(const Generation* before, const Generation& next, std::chrono::steady_clock::time_point start) const {
    const IndexRevision& r = next.revision;
    std::string line = "serving generation " + std::to_string(r.generation) + " (search revision " +
                       std::to_string(r.revision) + ", graph sequence " + std::to_string(next.graph->sequence) + ")";
    if (r.graph_state == schema::kGraphPending || (r.has_graph_sequence && r.graph_sequence != next.graph->sequence)) {
      line += before ? ": the last one became unreadable and no complete one followed, so this search revision "
                       "is served with another run's graph until one does"
                     : ": the index was being re-indexed at start; its graph may be half-written until the run completes";
    }
    const auto waited =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    if (before != nullptr && before->expired) line += "; requests waited up to " + std::to_string(waited) + " ms for it";
    options.log(line);
  }
};

ServingIndex::ServingIndex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

ServingIndex::~ServingIndex() {
  {
    std::lock_guard<std::mutex> lock(impl_->stop_mutex);
    impl_->stopping = true;
  }
  impl_->stop.notify_all();
  if (impl_->watcher.joinable()) impl_->watcher.join();
}

Status ServingIndex::Open(const Options& options, std::unique_ptr<ServingIndex>* index) {
  index->reset();
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->search_dir = (fs::path(options.data_dir) / "search").string();
  impl->graph_dir = (fs::path(options.data_dir) / "graph").string();
  // A first generation; Refresh() returns without one only when the index
  // changed while it opened the pool, so a few attempts suffice.
  for (int attempt = 0; attempt < 100 && !impl->current; ++attempt) {
    Status s = impl->Refresh();
    if (!s.ok()) return s;
    if (!impl->current) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (!impl->current) return Status::IOError("the search index at " + impl->search_dir + " kept changing while opening it");
  Impl* raw = impl.get();
  impl->watcher = std::thread([raw] {
    std::unique_lock<std::mutex> lock(raw->stop_mutex);
    while (!raw->stop.wait_for(lock, raw->options.poll, [raw] { return raw->stopping; })) {
      lock.unlock();
      (void)raw->Refresh();
      lock.lock();
    }
  });
  index->reset(new ServingIndex(std::move(impl)));
  return Status::OK();
}

std::unique_ptr<ServingIndex::Read> ServingIndex::BeginRead() const {
  auto state = std::make_unique<Read::State>();
  state->generation = impl_->Current();
  Generation& g = *state->generation;
  {
    std::unique_lock<std::mutex> lock(g.mutex);
    g.returned.wait(lock, [&g] { return !g.free.empty(); });
    state->handle = std::move(g.free.back());
    g.free.pop_back();
  }
  state->pin = std::make_unique<PinnedSearchDatabase>(impl_->search_dir, state->handle.get());
  return std::unique_ptr<Read>(new Read(std::move(state)));
}

void ServingIndex::Refresh() { (void)impl_->Refresh(); }

std::string ServingIndex::search_dir() const { return impl_->search_dir; }

ServingIndex::Read::Read(std::unique_ptr<State> state) : state_(std::move(state)) {}

ServingIndex::Read::~Read() {
  Generation& g = *state_->generation;
  if (state_->pin->expired()) g.expired = true;
  state_->pin.reset();
  {
    std::lock_guard<std::mutex> lock(g.mutex);
    g.free.push_back(std::move(state_->handle));
  }
  g.returned.notify_one();
}

const graph::GraphStore& ServingIndex::Read::graph() const { return *state_->generation->graph->store; }

const IndexRevision& ServingIndex::Read::revision() const { return state_->generation->revision; }

const graph::GraphBreakdown& ServingIndex::Read::Breakdown() const {
  GraphView& view = *state_->generation->graph;
  std::call_once(view.breakdown_once, [&view] { view.breakdown = view.store->Breakdown(); });
  return view.breakdown;
}

uint64_t ServingIndex::Read::generation_id() const { return state_->generation->id; }

bool ServingIndex::Read::expired() const { return state_->pin->expired(); }

}  // namespace policygraph::server
