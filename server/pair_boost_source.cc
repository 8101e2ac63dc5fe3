#include "server/pair_boost_source.h"

#include <algorithm>
#include <charconv>
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
  std::string out = std::to_string(weight_terms_.size());
  out.push_back(':');
  AppendField(pair_term_, &out);
  for (const auto& term : weight_terms_) AppendField(term, &out);
  return out;
}

PairBoostSource* PairBoostSource::unserialise(const std::string& serialised) const {
  std::string_view in(serialised);
  const size_t count = ReadCount(&in);
  // Each field takes at least two bytes ("0:"): a count beyond that is a
  // corrupt string, not a reason to reserve memory.
  if (count > in.size() / 2) throw Xapian::SerialisationError("PairBoostSource: serialised count too large");
  std::string pair_term = ReadField(&in);
  std::vector<std::string> weight_terms;
  weight_terms.reserve(count);
  for (size_t i = 0; i < count; ++i) weight_terms.push_back(ReadField(&in));
  if (!in.empty()) throw Xapian::SerialisationError("PairBoostSource: junk after the serialised fields");
  return new PairBoostSource(std::move(pair_term), std::move(weight_terms));
}

std::string PairBoostSource::get_description() const {
  return "PairBoostSource(" + pair_term_ + ")";
}

}  // namespace policygraph::server
