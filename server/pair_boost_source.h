// A proximity boost that reads no positions: the passages holding a pair
// term (indexer/search_schema.h, kPairPrefix: two words side by side
// somewhere in the passage), each given one weight, the rarity of some
// terms in the database. The pair terms are boolean (no wdf), so BM25 gives
// them no weight of their own; this source gives it.
//
// Several pair terms can stand for the same two words (an English word and
// its stem: "personal data", "person data"); one source reads them all and
// weighs a passage holding any of them once. (They were once one source
// each under Xapian's OP_MAX, whose MaxPostList in 1.4.22 reads a freed
// child when all its children end in one step, as these do together when
// the match stops needing their weight.)
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
  // The passages holding any of `pair_terms` (at least one), each weighed
  // once as above.
  PairBoostSource(std::vector<std::string> pair_terms, std::vector<std::string> weight_terms);

  Xapian::doccount get_termfreq_min() const override { return termfreq_min_; }
  Xapian::doccount get_termfreq_est() const override { return termfreq_max_; }
  Xapian::doccount get_termfreq_max() const override { return termfreq_max_; }
  double get_weight() const override { return weight_; }
  Xapian::docid get_docid() const override { return current_; }
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return ended_; }
  PairBoostSource* clone() const override;
  void init(const Xapian::Database& db) override;
  std::string get_description() const override;

  // "policygraph.PairBoostSource".
  std::string name() const override;
  // The count of pair terms and of weight terms, each in decimal and
  // followed by ':', then each term as its length in decimal, ':' and its
  // bytes. Unserialise throws Xapian::SerialisationError on anything else.
  std::string serialise() const override;
  PairBoostSource* unserialise(const std::string& serialised) const override;

 private:
  // The smallest docid any pair term is at, or 0 past them all.
  Xapian::docid Head() const;

  std::vector<std::string> pair_terms_;
  std::vector<std::string> weight_terms_;
  std::vector<Xapian::PostingIterator> its_, ends_;  // one per pair term
  Xapian::doccount termfreq_min_ = 0, termfreq_max_ = 0;
  double weight_ = 0;
  Xapian::docid current_ = 0;
  bool started_ = false;
  bool ended_ = false;
};

}  // namespace policygraph::server
