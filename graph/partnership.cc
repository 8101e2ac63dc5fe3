#include "graph/partnership.h"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace policygraph::graph {

namespace {

constexpr size_t kAllEvidence = std::numeric_limits<size_t>::max();

const std::string& OtherEnd(const EdgeSummary& edge, const std::string& id) {
  return edge.key.source == id ? edge.key.target : edge.key.source;
}

// Decides whether one piece of evidence falls in the filter's date range. It
// asks LinkFilter itself about a one-date edge, so the matrix, the timeline
// and the explorer share one meaning of "in 2022" (bounds compared at their
// precision; undated evidence only passes when there is no bound).
class DateRange {
 public:
  explicit DateRange(const LinkFilter& filter) {
    dates_only_.date_from = filter.date_from;
    dates_only_.date_to = filter.date_to;
    dates_only_.min_weight = 0;
  }
  bool Contains(const std::string& date) const {
    EdgeSummary point;
    point.first_date = date;
    point.last_date = date;
    return dates_only_.Accepts(point);
  }

 private:
  LinkFilter dates_only_;
};

// The edges of `id` the filter accepts, each once, grouped by the entity at
// their other end. Besides relation and min_weight this applies the date
// overlap test, which only skips edges none of whose evidence could be in the
// range (every evidence date lies within the edge's [first_date, last_date]).
std::map<std::string, std::vector<EdgeSummary>> AcceptedEdgesByNeighbour(
    const GraphStore& store, const std::string& id, const LinkFilter& filter) {
  std::map<std::string, std::vector<EdgeSummary>> by_other;
  std::set<EdgeKey> seen;  // a self-loop is listed by both the out and the in scan
  for (auto& e : store.EdgesOf(id)) {
    if (!filter.Accepts(e) || !seen.insert(e.key).second) continue;
    const std::string other = OtherEnd(e, id);
    by_other[other].push_back(std::move(e));
  }
  return by_other;
}

// The accepted edges between `id` and each of `others` (sorted, distinct),
// grouped by the other end: AcceptedEdgesByNeighbour cut to `others`, read
// from `id`'s adjacency record by its by-other index instead of a scan of
// all its edges. A partner such as China is a hub: at 1M edges the scans
// of the default partners' edges took ~100 ms for the matrix's few dozen
// cells (docs/PERFORMANCE.md 6h).
std::map<std::string, std::vector<EdgeSummary>> AcceptedEdgesWith(const GraphStore& store, const std::string& id,
                                                                  const std::vector<std::string>& others,
                                                                  const LinkFilter& filter) {
  const std::optional<Adjacency> record = store.AdjacencyOf(id);
  if (!record) {
    // No record: the node never had an edge, or its record is unreadable;
    // the scan says which, and reads what there is.
    auto all = AcceptedEdgesByNeighbour(store, id, filter);
    std::map<std::string, std::vector<EdgeSummary>> wanted;
    for (const auto& other : others) {
      if (auto it = all.find(other); it != all.end()) wanted.emplace(other, std::move(it->second));
    }
    return wanted;
  }
  std::vector<OtherEndKey> keys;
  for (const auto& other : others) keys.push_back(OtherEndKey::Of(other));
  std::sort(keys.begin(), keys.end());
  std::vector<uint32_t> offsets, which;
  record->FindOthers(keys, &offsets, &which);
  std::map<std::string, std::vector<EdgeSummary>> by_other;
  std::set<EdgeKey> seen;  // a self-loop is listed as outgoing and as incoming
  for (size_t k = 0; k < offsets.size(); ++k) {
    AdjacencyEntryView entry;
    if (!record->EntryAt(offsets[k], &entry)) continue;
    const std::string other(keys[which[k]].other);
    EdgeSummary e;
    e.key = entry.outgoing ? EdgeKey{id, std::string(entry.relation), other}
                           : EdgeKey{other, std::string(entry.relation), id};
    e.weight = entry.weight;
    e.evidence_count = entry.evidence_count;
    e.first_date = entry.first_date;
    e.last_date = entry.last_date;
    if (!filter.Accepts(e) || !seen.insert(e.key).second) continue;
    by_other[other].push_back(std::move(e));
  }
  return by_other;
}

// The accepted edges between a and b, in either direction.
std::vector<EdgeSummary> AcceptedEdgesBetween(const GraphStore& store, const std::string& a,
                                              const std::string& b, const LinkFilter& filter) {
  auto by_other = AcceptedEdgesWith(store, a, {b}, filter);
  auto it = by_other.find(b);
  return it == by_other.end() ? std::vector<EdgeSummary>{} : std::move(it->second);
}

// NotFound naming the first id that has no node.
Status CheckEntities(const GraphStore& store, const std::vector<std::string>& ids) {
  for (const auto& id : ids) {
    if (!store.GetNode(id)) return Status::NotFound("no entity with id '" + id + "'");
  }
  return Status::OK();
}

// The ids in their first-seen order, each once: a row or column asked for
// twice is shown once.
std::vector<std::string> Unique(const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& id : ids) {
    if (seen.insert(id).second) out.push_back(id);
  }
  return out;
}

// Counts what the in-range evidence of `edges` says about one pair: distinct
// documents overall and per year, sentences, and the relations that had any.
PartnershipCell Tally(const GraphStore& store, const std::string& partner,
                      const std::string& member, const std::vector<EdgeSummary>& edges,
                      const DateRange& range) {
  PartnershipCell cell;
  cell.partner = partner;
  cell.member = member;
  std::set<std::string> docs;
  std::map<std::string, std::set<std::string>> docs_by_year;
  std::set<std::string> relations;
  for (const auto& e : edges) {
    for (const auto& ev : store.EvidenceOf(e.key, kAllEvidence)) {
      if (!range.Contains(ev.date)) continue;
      docs.insert(ev.doc_id);
      ++cell.evidence_count;
      relations.insert(e.key.relation);
      // Undated evidence supports the pair but belongs to no year.
      if (ev.date.size() >= 4) docs_by_year[ev.date.substr(0, 4)].insert(ev.doc_id);
    }
  }
  cell.weight = static_cast<uint32_t>(docs.size());
  for (const auto& [year, year_docs] : docs_by_year) {
    cell.by_year[year] = static_cast<uint32_t>(year_docs.size());
  }
  cell.relations.assign(relations.begin(), relations.end());
  return cell;
}

// Oldest first, undated last; ties in a fixed order so that the result (and
// so what a limit cuts) does not depend on storage order.
bool TimelineBefore(const TimelineEntry& x, const TimelineEntry& y) {
  if (x.date.empty() != y.date.empty()) return y.date.empty();
  return std::tie(x.date, x.evidence.doc_id, x.evidence.begin, x.relation, x.source, x.target) <
         std::tie(y.date, y.evidence.doc_id, y.evidence.begin, y.relation, y.source, y.target);
}

}  // namespace

Status BuildPartnershipMatrix(const GraphStore& store, const PartnershipRequest& request,
                              PartnershipMatrix* out) {
  *out = PartnershipMatrix();
  if (request.partners.empty()) return Status::InvalidArgument("no partners given");
  if (request.members.empty()) return Status::InvalidArgument("no members given");
  Status s = CheckEntities(store, request.partners);
  if (s.ok()) s = CheckEntities(store, request.members);
  if (!s.ok()) return s;

  out->partners = Unique(request.partners);
  out->members = Unique(request.members);
  const DateRange range(request.filter);
  std::vector<std::string> members = out->members;
  std::sort(members.begin(), members.end());
  // One record read per partner, looking up only the members in it.
  for (const auto& partner : out->partners) {
    const auto by_other = AcceptedEdgesWith(store, partner, members, request.filter);
    for (const auto& member : out->members) {
      auto it = by_other.find(member);
      if (it == by_other.end()) continue;
      PartnershipCell cell = Tally(store, partner, member, it->second, range);
      if (cell.weight > 0) out->cells.push_back(std::move(cell));
    }
  }
  return Status::OK();
}

Status PairTimeline(const GraphStore& store, const std::string& a, const std::string& b,
                    const LinkFilter& filter, size_t limit, std::vector<TimelineEntry>* out) {
  out->clear();
  Status s = CheckEntities(store, {a, b});
  if (!s.ok()) return s;
  const DateRange range(filter);
  for (const auto& e : AcceptedEdgesBetween(store, a, b, filter)) {
    for (auto& ev : store.EvidenceOf(e.key, kAllEvidence)) {
      if (!range.Contains(ev.date)) continue;
      TimelineEntry entry;
      entry.date = ev.date;
      entry.relation = e.key.relation;
      entry.source = e.key.source;
      entry.target = e.key.target;
      entry.evidence = std::move(ev);
      out->push_back(std::move(entry));
    }
  }
  // The whole timeline is sorted before the limit cuts it: the oldest
  // entries are the ones kept.
  std::sort(out->begin(), out->end(), TimelineBefore);
  if (out->size() > limit) out->resize(limit);
  return Status::OK();
}

}  // namespace policygraph::graph
