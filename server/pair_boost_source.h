// A proximity boost that reads no positions: the passages holding a pair
// term (indexer/search_schema.h, kPairPrefix: two words side by side
// somewhere in the passage), each given one weight, the rarity of some
// terms in the database. The pair terms are boolean (no wdf), so BM25 gives
// them no weight of their own; this source gives it.
//
// Thread safety: as any Xapian::PostingSource, one instance serves one
// match; Xapian clones it for each (sub-)database it searches.
//
// Remote databases: the source has a name and serialises itself, so a
// query holding it can be sent to a remote Xapian server whose registry
// knows it (Xapian::Registry::register_posting_source with a
// PairBoostSource). There, as for any sub-database, the weight is the
// rarity of the words in that database, not across all of them.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace policygraph::server {

class PairBoostSource : public Xapian::PostingSource {
 public:
  // Matches the passages holding `pair_term`, each with the weight
  //   sum over `weight_terms` of log(N / termfreq)   (0 for a term absent
  //   from the database or held by every document),
  // N the database's document count: an inverse document frequency as
  // BM25's, without the within-passage frequency a boolean term lacks.
  PairBoostSource(std::string pair_term, std::vector<std::string> weight_terms);

  Xapian::doccount get_termfreq_min() const override { return termfreq_; }
  Xapian::doccount get_termfreq_est() const override { return termfreq_; }
  Xapian::doccount get_termfreq_max() const override { return termfreq_; }
  double get_weight() const override { return weight_; }
  Xapian::docid get_docid() const override { return *it_; }
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return it_ == end_; }
  PairBoostSource* clone() const override;
  void init(const Xapian::Database& db) override;
  std::string get_description() const override;

  // "policygraph.PairBoostSource".
  std::string name() const override;
  // The pair term and the weight terms, each as its length in decimal, ':'
  // and its bytes, after their count. Unserialise throws
  // Xapian::SerialisationError on anything else.
  std::string serialise() const override;
  PairBoostSource* unserialise(const std::string& serialised) const override;

 private:
  std::string pair_term_;
  std::vector<std::string> weight_terms_;
  Xapian::PostingIterator it_, end_;
  Xapian::doccount termfreq_ = 0;
  double weight_ = 0;
  bool started_ = false;
};

}  // namespace policygraph::server
