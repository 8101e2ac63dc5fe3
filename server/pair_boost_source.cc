#include "server/pair_boost_source.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace policygraph::server {

PairBoostSource::PairBoostSource(std::string pair_term, std::vector<std::string> weight_terms)
    : pair_term_(std::move(pair_term)), weight_terms_(std::move(weight_terms)) {}

void PairBoostSource::init(const Xapian::Database& db) {
  it_ = db.postlist_begin(pair_term_);
  end_ = db.postlist_end(pair_term_);
  started_ = false;
  termfreq_ = db.get_termfreq(pair_term_);
  const double documents = static_cast<double>(db.get_doccount());
  weight_ = 0;
  for (const auto& term : weight_terms_) {
    const Xapian::doccount n = db.get_termfreq(term);
    if (n > 0) weight_ += std::max(0.0, std::log(documents / static_cast<double>(n)));
  }
  set_maxweight(weight_);
}

void PairBoostSource::next(double min_wt) {
  // Every passage weighs the same: when that is too little for the match to
  // care, there is nothing left to give it.
  if (min_wt > weight_) {
    it_ = end_;
    return;
  }
  if (started_) {
    ++it_;
  } else {
    started_ = true;
  }
}

void PairBoostSource::skip_to(Xapian::docid did, double min_wt) {
  if (min_wt > weight_) {
    it_ = end_;
    return;
  }
  started_ = true;
  it_.skip_to(did);
}

PairBoostSource* PairBoostSource::clone() const { return new PairBoostSource(pair_term_, weight_terms_); }

std::string PairBoostSource::get_description() const {
  return "PairBoostSource(" + pair_term_ + ")";
}

}  // namespace policygraph::server
