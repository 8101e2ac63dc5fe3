#include "graph/traversal.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string_view>

#include "graph/id_table.h"

namespace policygraph::graph {

namespace {

// How many of a hop's records are read in one batch (GraphStore::
// AdjacenciesOf): a capped hop is at most max_nodes records, all in one
// batch; an uncapped walk's frontier can be thousands, and a batch keeps
// its records pinned in the block cache until the batch is done.
constexpr size_t kRecordBatch = 256;
// The most nodes read ahead in one batch (GraphStore::GetNodes) while the
// result has room for more than that.
constexpr size_t kNodeBatch = 256;

// One breadth-first walk.
//
// Which ids are in the result (by their number in it) and whether each was
// expanded yet; which were looked at and turned away (no node record, or a
// type the filter excludes), so that each id costs at most one node read.
// One flat table for both (graph/id_table.h): a walk from a hub tests
// thousands of ids against it.
//
// An edge between two nodes of the result is added when the first of its
// ends is expanded, and only then: when a node W is expanded, every node the
// edge W–X could bring in either is in the result already (and the edge is
// added), or comes in by it, or never will (the result is full). So an edge
// to a node expanded earlier was added by that node, and is skipped without
// building it again; no set of edges seen is needed.
//
// Once the result is full and known to be truncated it is closed: nothing
// joins it, and what is left of each expansion is finding the edges between
// nodes already in it. Those are found first for a whole batch of records
// (entry offsets), and built after, so that the edge list is sized once: a
// capped depth-2 result from a busy node has ~13,000 edges, and growing the
// list by doubling moved each edge's five strings twice on average.
class Walk {
 public:
  Walk(const GraphStore& store, const NeighborhoodRequest& request, Neighborhood* out)
      : store_(store), request_(request), filter_(request.filter), out_(out) {}

  void Run(Node start) {
    Include(request_.id, std::move(start));
    std::vector<std::string> frontier = {request_.id};
    for (int hop = 0; hop < request_.depth && !frontier.empty(); ++hop) {
      std::vector<std::string> next;
      for (size_t first = 0; first < frontier.size(); first += kRecordBatch) {
        const size_t count = std::min(kRecordBatch, frontier.size() - first);
        ExpandBatch(&frontier[first], count, &next);
      }
      frontier = std::move(next);
    }
    // Every edge added has both ends in the result: one is the node
    // expanded, the other was in the result or came in by the edge, and
    // nothing leaves.
  }

 private:
  static constexpr uint32_t kRejected = IdTable::kAbsent - 1;

  bool Full() const { return out_->nodes.size() >= request_.max_nodes; }
  bool Closed() const { return Full() && out_->truncated; }

  void Include(std::string_view id, Node node) {
    met_.Insert(id, static_cast<uint32_t>(expanded_.size()));
    expanded_.push_back(false);
    out_->nodes.push_back(std::move(node));
  }
  // The node number of `id` in the result, or kAbsent (not met, or turned
  // away).
  uint32_t Included(std::string_view id) const {
    const uint32_t met = met_.Find(id);
    return met == kRejected ? IdTable::kAbsent : met;
  }

  // Which of the record's relations the filter follows, and their numbers
  // in the result, by their numbers in the record.
  void NoteRelations(const Adjacency& adjacency) {
    relation_ok_.clear();
    relation_number_.clear();
    for (const auto& r : adjacency.relations()) {
      relation_ok_.push_back(filter_.relations.empty() || filter_.relations.count(r) > 0);
      relation_number_.push_back(out_->RelationNumber(r));
    }
  }
  bool Accepts(const AdjacencyEntryView& v) const {
    return relation_ok_[v.relation_number] && filter_.AcceptsWeightAndDates(v.weight, v.first_date, v.last_date);
  }

  // The edge of entry v of the record of node `self` (its number in the
  // result), to node `other`, built in place.
  void AddEdge(uint32_t self, uint32_t other, const AdjacencyEntryView& v) {
    NeighborhoodEdge& e = out_->edges.emplace_back();
    e.source = v.outgoing ? self : other;
    e.target = v.outgoing ? other : self;
    e.relation = relation_number_[v.relation_number];
    e.weight = v.weight;
    e.evidence_count = v.evidence_count;
    out_->SetDate(v.first_date, &e.first_date);
    out_->SetDate(v.last_date, &e.last_date);
  }
  // Whether entry v of `id`'s record, to a node of the result, is an edge
  // this expansion adds: not if the other end was expanded before (it added
  // the edge then). A loop (id to itself) has two entries, outgoing first:
  // the incoming one is the same edge.
  static bool Adds(const std::string& id, const AdjacencyEntryView& v, bool other_expanded) {
    return v.other == id ? v.outgoing : !other_expanded;
  }

  void ExpandBatch(const std::string* ids, size_t count, std::vector<std::string>* next) {
    batch_ids_.assign(ids, ids + count);
    store_.AdjacenciesOf(batch_ids_, &records_);
    // The closed expansions' edges, as entries (ClosedEntry): those of the
    // expansion of ids[k] are closed_entries_[begin, end) for the range
    // {k, self, begin, end}.
    closed_ranges_.clear();
    closed_entries_.clear();
    for (size_t k = 0; k < count; ++k) {
      const std::string& id = ids[k];
      const uint32_t self = met_.Find(id);
      expanded_[self] = true;
      ++expanded_count_;
      // One read per node (batched): its edges, strongest first (a capped
      // result keeps the best-supported links), equal weights in key order.
      if (!records_[k]) continue;  // no edges
      const Adjacency& adjacency = *records_[k];
      NoteRelations(adjacency);
      const size_t i = Closed() ? 0 : ExpandOpen(id, self, adjacency, next);
      if (i >= adjacency.size()) continue;
      const size_t begin = closed_entries_.size();
      FindClosedEdges(id, adjacency, i);
      closed_ranges_.push_back({k, self, begin, closed_entries_.size()});
    }
    // At most one edge per offset (the rest fail the filter); still by
    // doubling, for the walks whose frontier takes many batches.
    auto& edges = out_->edges;
    if (const size_t need = edges.size() + closed_entries_.size(); need > edges.capacity()) {
      edges.reserve(std::max(need, 2 * edges.capacity()));
    }
    AdjacencyEntryView v;
    for (const ClosedRange& range : closed_ranges_) {
      const std::string& id = ids[range.record];
      const Adjacency& adjacency = *records_[range.record];
      NoteRelations(adjacency);
      // The entries are at random places of the record, and were read
      // (their other ends) before the rest of the batch pushed them out of
      // the cache: fetch a few ahead.
      constexpr size_t kAhead = 8;
      for (size_t p = range.begin; p < std::min(range.end, range.begin + kAhead); ++p) {
        adjacency.PrefetchEntry(OffsetPart(closed_entries_[p]));
      }
      for (size_t p = range.begin; p < range.end; ++p) {
        if (p + kAhead < range.end) adjacency.PrefetchEntry(OffsetPart(closed_entries_[p + kAhead]));
        if (adjacency.EntryAt(OffsetPart(closed_entries_[p]), &v) && Accepts(v) &&
            Adds(id, v, /*other_expanded=*/false)) {
          AddEdge(range.self, NumberPart(closed_entries_[p]), v);
        }
      }
    }
    records_.clear();  // unpins the batch
  }

  // While the result is open: follows each edge of `id`, reading the nodes
  // it reaches, until the result is closed. Returns the number of the first
  // entry not read (the record's size when all were).
  size_t ExpandOpen(const std::string& id, uint32_t self, const Adjacency& adjacency, std::vector<std::string>* next) {
    const size_t n = adjacency.size();
    ahead_ids_.clear();
    ahead_used_ = 0;
    AdjacencyEntryView v;
    for (size_t i = 0; i < n; ++i) {
      if (!adjacency.Entry(i, &v) || !Accepts(v)) continue;
      if (const uint32_t met = met_.Find(v.other); met != IdTable::kAbsent) {
        if (met != kRejected && Adds(id, v, expanded_[met])) AddEdge(self, met, v);
        continue;
      }
      if (Closed()) return i + 1;
      std::optional<Node> node = NextNode(adjacency, i, v.other);
      // No node: an entity no longer in the gazetteer.
      if (!node || !filter_.AcceptsNode(*node)) {
        met_.Insert(v.other, kRejected);
        continue;
      }
      if (Full()) {
        // A node the filter accepts but there is no room for: the result
        // is incomplete and must say so.
        out_->truncated = true;
        continue;
      }
      const auto other = static_cast<uint32_t>(out_->nodes.size());
      Include(v.other, std::move(*node));
      next->emplace_back(v.other);
      AddEdge(self, other, v);
    }
    return n;
  }

  // The node `other` reached by entry i, the first not met yet since the
  // last read-ahead. Nodes are read in batches: the ids the next entries
  // reach, in the order the loop meets them, as many as the result could
  // still take (and one more, which says whether it is truncated).
  std::optional<Node> NextNode(const Adjacency& adjacency, size_t i, std::string_view other) {
    if (ahead_used_ == ahead_ids_.size()) {
      const size_t room = Full() ? 0 : request_.max_nodes - out_->nodes.size();
      const size_t want = std::min(room, kNodeBatch - 1) + 1;
      ahead_ids_.clear();
      ahead_used_ = 0;
      IdTable taken(want);
      AdjacencyEntryView w;
      for (size_t j = i; j < adjacency.size() && ahead_ids_.size() < want; ++j) {
        if (!adjacency.Entry(j, &w) || !Accepts(w) || met_.Find(w.other) != IdTable::kAbsent ||
            taken.Find(w.other) != IdTable::kAbsent) {
          continue;
        }
        taken.Insert(w.other, 0);
        ahead_ids_.push_back(w.other);
      }
      store_.GetNodes(ahead_ids_, &ahead_nodes_);
    }
    // The loop meets the ids read ahead in their order; should it not,
    // the node is read on its own.
    if (ahead_used_ < ahead_ids_.size() && ahead_ids_[ahead_used_] == other) {
      return std::move(ahead_nodes_[ahead_used_++]);
    }
    return store_.GetNode(std::string(other));
  }

  // The result is closed: of the entries from i on, only edges to nodes
  // already in it can still be added, in record order. Appends the entries
  // that may give one (Accepts and Adds are checked when the edge is built)
  // to closed_entries_, ascending: each its offset and its other end's
  // number in the result (ClosedEntry). A hub has tens of thousands of
  // entries and the result a few hundred nodes, so those nodes are looked
  // up in the record's by-other index instead of reading the rest of it,
  // unless the rest is short.
  void FindClosedEdges(const std::string& id, const Adjacency& adjacency, size_t i) {
    const size_t n = adjacency.size();
    AdjacencyEntryView v;
    // Read the rest of the record entry by entry only where it is short
    // beside what is looked for: an entry read costs its decoding and a
    // lookup of its id in met_ (a hash of the id), about twice one node
    // looked up in the record's by-other index. Looked for: the nodes of
    // the result not expanded yet, and this one (a loop). At 1M edges,
    // scanning up to twice the result's size instead made depth 2 ~15 %
    // slower (docs/PERFORMANCE.md 6f).
    const size_t looked_for = out_->nodes.size() - expanded_count_ + 1;
    if (2 * (n - i) <= looked_for) {
      for (; i < n; ++i) {
        if (!adjacency.Entry(i, &v)) continue;
        const uint32_t number = Included(v.other);
        if (number != IdTable::kAbsent && Accepts(v) && Adds(id, v, expanded_[number])) {
          closed_entries_.push_back(ClosedEntry(adjacency.OffsetOf(i), number));
        }
      }
      return;
    }
    // Nothing joins a closed result, so the sorted list is made once.
    if (sorted_included_.size() != expanded_.size()) {
      sorted_included_.clear();
      met_.ForEach([&](std::string_view included, uint32_t number) {
        if (number != kRejected) sorted_included_.emplace_back(OtherEndKey::Of(included), number);
      });
      std::sort(sorted_included_.begin(), sorted_included_.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
    }
    // Only the nodes not expanded yet (an edge to another was added by it),
    // and this one, for a loop.
    wanted_.clear();
    wanted_numbers_.clear();
    for (const auto& [other, number] : sorted_included_) {
      if (!expanded_[number] || other.other == id) {
        wanted_.push_back(other);
        wanted_numbers_.push_back(number);
      }
    }
    found_offsets_.clear();
    found_which_.clear();
    adjacency.FindOthers(wanted_, &found_offsets_, &found_which_);
    const size_t begin = closed_entries_.size();
    for (size_t f = 0; f < found_offsets_.size(); ++f) {
      closed_entries_.push_back(ClosedEntry(found_offsets_[f], wanted_numbers_[found_which_[f]]));
    }
    // Offsets sort in record order (and lead a ClosedEntry); those before
    // entry i were read already.
    std::sort(closed_entries_.begin() + begin, closed_entries_.end());
    const uint64_t from = ClosedEntry(adjacency.OffsetOf(i), 0);
    closed_entries_.erase(closed_entries_.begin() + begin,
                          std::lower_bound(closed_entries_.begin() + begin, closed_entries_.end(), from));
  }

  // An entry a closed expansion may add an edge by: its offset in the
  // record, then the number of its other end in the result, in one word
  // that sorts by offset.
  static uint64_t ClosedEntry(uint32_t offset, uint32_t number) { return uint64_t{offset} << 32 | number; }
  static uint32_t OffsetPart(uint64_t entry) { return static_cast<uint32_t>(entry >> 32); }
  static uint32_t NumberPart(uint64_t entry) { return static_cast<uint32_t>(entry); }

  const GraphStore& store_;
  const NeighborhoodRequest& request_;
  const LinkFilter& filter_;
  Neighborhood* out_;

  IdTable met_;                // id -> its number in the result, or kRejected
  std::vector<char> expanded_;  // by number in the result
  size_t expanded_count_ = 0;

  // The batch of records being expanded.
  std::vector<std::string_view> batch_ids_;
  std::vector<std::optional<Adjacency>> records_;
  struct ClosedRange {
    size_t record;
    uint32_t self;  // the record's node, by number in the result
    size_t begin, end;
  };
  std::vector<ClosedRange> closed_ranges_;
  std::vector<uint64_t> closed_entries_;  // ClosedEntry
  std::vector<uint32_t> found_offsets_, found_which_;  // FindOthers' answer

  std::vector<bool> relation_ok_;  // of the record being read
  std::vector<uint32_t> relation_number_;  // its relations' numbers in the result
  // Nodes read ahead for the open expansion under way (views of its record).
  std::vector<std::string_view> ahead_ids_;
  std::vector<std::optional<Node>> ahead_nodes_;
  size_t ahead_used_ = 0;
  // The result's ids in the records' by-other order (hash, then bytes),
  // each with its number (views of met_'s bytes: nothing is added once the
  // result is closed), and those a closed expansion looks for.
  std::vector<std::pair<OtherEndKey, uint32_t>> sorted_included_;
  std::vector<OtherEndKey> wanted_;
  std::vector<uint32_t> wanted_numbers_;  // beside wanted_
};

}  // namespace

uint32_t Neighborhood::RelationNumber(std::string_view relation) {
  // A handful of relations: a search beats a map.
  for (size_t i = 0; i < relations.size(); ++i) {
    if (relations[i] == relation) return static_cast<uint32_t>(i);
  }
  relations.emplace_back(relation);
  return static_cast<uint32_t>(relations.size() - 1);
}

void Neighborhood::SetDate(std::string_view text, EdgeDate* date) {
  if (text.size() <= EdgeDate::kCapacity) {
    // No copy from an empty view, whose data() may be null.
    if (!text.empty()) std::memcpy(date->text, text.data(), text.size());
    date->size = static_cast<uint8_t>(text.size());
    return;
  }
  const auto index = static_cast<uint32_t>(long_dates.size());
  long_dates.emplace_back(text);
  std::memcpy(date->text, &index, sizeof index);
  date->size = EdgeDate::kElsewhere;
}

void Neighborhood::AddEdge(uint32_t source, uint32_t target, std::string_view relation, uint32_t weight,
                           uint32_t evidence_count, std::string_view first_date, std::string_view last_date) {
  NeighborhoodEdge& e = edges.emplace_back();
  e.source = source;
  e.target = target;
  e.relation = RelationNumber(relation);
  e.weight = weight;
  e.evidence_count = evidence_count;
  SetDate(first_date, &e.first_date);
  SetDate(last_date, &e.last_date);
}

EdgeSummary Neighborhood::Summary(const NeighborhoodEdge& e) const {
  EdgeSummary s;
  s.key = {SourceId(e), Relation(e), TargetId(e)};
  s.weight = e.weight;
  s.evidence_count = e.evidence_count;
  s.first_date = FirstDate(e);
  s.last_date = LastDate(e);
  return s;
}

Status Neighbors(const GraphStore& store, const NeighborhoodRequest& request, Neighborhood* out) {
  *out = Neighborhood();
  if (request.depth < 1 || request.depth > NeighborhoodRequest::kMaxDepth) {
    return Status::InvalidArgument("depth must be between 1 and " +
                                   std::to_string(NeighborhoodRequest::kMaxDepth));
  }
  auto start = store.GetNode(request.id);
  if (!start) return Status::NotFound("no entity with id '" + request.id + "'");
  // The start is always included, whatever its type: the user asked for it.
  Walk(store, request, out).Run(std::move(*start));
  return Status::OK();
}

}  // namespace policygraph::graph
