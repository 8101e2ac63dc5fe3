#include "server/pair_boost_source.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>

namespace policygraph::server {

PairBoostSource::PairBoostSource(std::string pair_term, std::vector<std::string> weight_terms)
    : pair_terms_{std::move(pair_term)}, weight_terms_(std::move(weight_terms)) {}

PairBoostSource::PairBoostSource(std::vector<std::string> pair_terms, std::vector<std::string> weight_terms)
    : pair_terms_(std::move(pair_terms)), weight_terms_(std::move(weight_terms)) {
  if (pair_terms_.empty()) throw Xapian::InvalidArgumentError("PairBoostSource: no pair term");
}

void PairBoostSource::init(const Xapian::Database& db) {
  its_.clear();
  ends_.clear();
  termfreq_min_ = termfreq_max_ = 0;
  const Xapian::doccount documents = db.get_doccount();
  for (const auto& term : pair_terms_) {
    its_.push_back(db.postlist_begin(term));
    ends_.push_back(db.postlist_end(term));
    const Xapian::doccount n = db.get_termfreq(term);
    termfreq_min_ = std::max(termfreq_min_, n);
    termfreq_max_ = std::min<Xapian::doccount>(documents, termfreq_max_ + n);
  }
  started_ = false;
  ended_ = false;
  current_ = 0;
  weight_ = 0;
  for (const auto& term : weight_terms_) {
    const Xapian::doccount n = db.get_termfreq(term);
    if (n > 0) weight_ += std::max(0.0, std::log(static_cast<double>(documents) / static_cast<double>(n)));
  }
  set_maxweight(weight_);
}

Xapian::docid PairBoostSource::Head() const {
  Xapian::docid head = 0;
  for (size_t i = 0; i < its_.size(); ++i) {
    if (its_[i] != ends_[i] && (head == 0 || *its_[i] < head)) head = *its_[i];
  }
  return head;
}

void PairBoostSource::next(double min_wt) {
  // Every passage weighs the same: when that is too little for the match to
  // care, there is nothing left to give it.
  if (ended_ || min_wt > weight_) {
    ended_ = true;
    return;
  }
  if (started_) {
    for (size_t i = 0; i < its_.size(); ++i) {
      if (its_[i] != ends_[i] && *its_[i] == current_) ++its_[i];
    }
  }
  started_ = true;
  current_ = Head();
  ended_ = current_ == 0;
}

void PairBoostSource::skip_to(Xapian::docid did, double min_wt) {
  if (ended_ || min_wt > weight_) {
    ended_ = true;
    return;
  }
  started_ = true;
  for (size_t i = 0; i < its_.size(); ++i) {
    if (its_[i] != ends_[i] && *its_[i] < did) its_[i].skip_to(did);
  }
  current_ = Head();
  ended_ = current_ == 0;
}

PairBoostSource* PairBoostSource::clone() const { return new PairBoostSource(pair_terms_, weight_terms_); }

namespace {

void AppendField(std::string_view field, std::string* out) {
  out->append(std::to_string(field.size()));
  out->push_back(':');
  out->append(field);
}

// Reads a decimal count and the ':' after it from `in`, advancing it.
size_t ReadCount(std::string_view* in) {
  size_t n = 0;
  const auto [end, ec] = std::from_chars(in->data(), in->data() + in->size(), n);
  if (ec != std::errc() || end == in->data() || end == in->data() + in->size() || *end != ':') {
    throw Xapian::SerialisationError("PairBoostSource: bad serialised count");
  }
  in->remove_prefix(static_cast<size_t>(end - in->data()) + 1);
  return n;
}

std::string ReadField(std::string_view* in) {
  const size_t n = ReadCount(in);
  if (n > in->size()) throw Xapian::SerialisationError("PairBoostSource: serialised field runs past the end");
  std::string field(in->substr(0, n));
  in->remove_prefix(n);
  return field;
}

}  // namespace

std::string PairBoostSource::name() const { return "policygraph.PairBoostSource"; }

std::string PairBoostSource::serialise() const {
  std::string out = std::to_string(pair_terms_.size());
  out.push_back(':');
  out.append(std::to_string(weight_terms_.size()));
  out.push_back(':');
  for (const auto& term : pair_terms_) AppendField(term, &out);
  for (const auto& term : weight_terms_) AppendField(term, &out);
  return out;
}

PairBoostSource* PairBoostSource::unserialise(const std::string& serialised) const {
  std::string_view in(serialised);
  const size_t pairs = ReadCount(&in);
  const size_t weights = ReadCount(&in);
  // Each field takes at least two bytes ("0:"): counts beyond that are a
  // corrupt string, not a reason to reserve memory.
  if (pairs == 0) throw Xapian::SerialisationError("PairBoostSource: no pair term");
  if (pairs > in.size() / 2 || weights > in.size() / 2 || pairs + weights > in.size() / 2) {
    throw Xapian::SerialisationError("PairBoostSource: serialised count too large");
  }
  std::vector<std::string> pair_terms, weight_terms;
  pair_terms.reserve(pairs);
  weight_terms.reserve(weights);
  for (size_t i = 0; i < pairs; ++i) pair_terms.push_back(ReadField(&in));
  for (size_t i = 0; i < weights; ++i) weight_terms.push_back(ReadField(&in));
  if (!in.empty()) throw Xapian::SerialisationError("PairBoostSource: junk after the serialised fields");
  return new PairBoostSource(std::move(pair_terms), std::move(weight_terms));
}

std::string PairBoostSource::get_description() const {
  std::string terms;
  for (const auto& term : pair_terms_) terms += (terms.empty() ? "" : "|") + term;
  return "PairBoostSource(" + terms + ")";
}

}  // namespace policygraph::server
