#include "server/spelling.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include <unicode/unistr.h>

#include "indexer/english_stem.h"
#include "indexer/entity_matcher.h"
#include "indexer/search_schema.h"

namespace policygraph::server {

namespace {

// Candidates per word from its own frequency, most frequent first; the
// forms the corpus writes beside the neighbouring words join them (below).
constexpr size_t kCandidates = 4;
// Weight of a pair of words seen together against each word's frequency:
// context decides between "chuyển đổi số" and "chuyển đối số".
constexpr double kPairWeight = 2.0;
// A pair's estimated passages count up to this many: past a few hundred the
// count no longer decides between forms that are both common, and the
// words' own frequencies do.
constexpr double kPairCountCap = 2000;
// Passages read per pair of adjacent query words. Their text shows which
// written forms the corpus puts side by side ("tiếp cận", though "cận" is
// only the fifth most frequent "can"); the share of each among the sample,
// times the passages holding the pair, estimates its count. Counting each
// pair of candidates as a phrase took tens of milliseconds a query.
constexpr size_t kPairSample = 24;

struct Candidate {
  std::string form;
  double score = 0;  // log frequency
};

double LogFrequency(const Xapian::Database& db, const std::string& form) {
  return std::log1p(db.get_termfreq(form));
}

bool HasWrittenForms(const Xapian::Database& db, const QueryTerm& term) {
  if (!term.match_folded) return false;
  const std::string key = search_schema::Term(search_schema::kFoldedPrefix, term.folded);
  return db.synonyms_begin(key) != db.synonyms_end(key);
}

// Written forms of a word typed without diacritics, from the synonyms the
// indexer recorded, plus the word itself when it occurs as written.
// `restorable`: HasWrittenForms(db, term), read once by the caller.
std::vector<Candidate> Candidates(const Xapian::Database& db, const QueryTerm& term, bool restorable) {
  if (!restorable) return {{term.exact, 0}};
  const std::string key = search_schema::Term(search_schema::kFoldedPrefix, term.folded);
  std::vector<Candidate> out;
  out.push_back({term.folded, LogFrequency(db, term.folded)});
  for (auto it = db.synonyms_begin(key); it != db.synonyms_end(key); ++it) out.push_back({*it, LogFrequency(db, *it)});
  std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  if (out.size() > kCandidates) out.resize(kCandidates);
  return out;
}

// Written forms of two adjacent words, side by side, with the passages
// estimated to hold them so.
using PairCounts = std::map<std::pair<std::string, std::string>, double>;

// The passage's title, heading and text: the fields whose adjacent words
// the indexer wrote pair terms for.
std::vector<std::string> PassageFields(const std::string& data) {
  const nlohmann::json j = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return {};
  std::vector<std::string> out;
  for (const char* field : {"title", "heading", "text"}) {
    auto it = j.find(field);
    if (it != j.end() && it->is_string()) out.push_back(it->get<std::string>());
  }
  return out;
}

// The tokens of each sampled passage's fields, kept for the query: the
// pairs of one query are mostly in the same passages ("điều ước", "ước
// quốc" and "quốc tế" side by side), and tokenising is most of sampling.
using SampledTokens = std::map<Xapian::docid, std::vector<std::vector<indexer::Token>>>;

const std::vector<std::vector<indexer::Token>>& FieldTokens(const Xapian::Database& db,
                                                           const indexer::Analyzer& analyzer, Xapian::docid did,
                                                           SampledTokens* cache) {
  auto [it, added] = cache->try_emplace(did);
  if (added) {
    for (const std::string& field : PassageFields(db.get_document(did).get_data())) {
      it->second.push_back(analyzer.Tokenize(field));
    }
  }
  return it->second;
}

PairCounts SamplePair(const Xapian::Database& db, const indexer::Analyzer& analyzer, const QueryTerm& first,
                      const QueryTerm& second, SampledTokens* cache) {
  PairCounts counts;
  const std::string pair_term = search_schema::PairTerm(first.folded, second.folded);
  if (pair_term.empty()) return counts;
  const Xapian::doccount holding = db.get_termfreq(pair_term);
  if (holding == 0) return counts;
  // Passages spread over the database, not its first few: one document's
  // many passages would otherwise speak for the whole corpus.
  std::vector<Xapian::docid> sample;
  Xapian::PostingIterator it = db.postlist_begin(pair_term);
  const Xapian::PostingIterator end = db.postlist_end(pair_term);
  const uint64_t last = db.get_lastdocid();
  for (size_t i = 0; i < kPairSample && it != end; ++i) {
    if (holding > kPairSample) it.skip_to(static_cast<Xapian::docid>(1 + last * i / kPairSample));
    if (it == end) break;
    if (sample.empty() || sample.back() != *it) sample.push_back(*it);
    if (holding <= kPairSample) ++it;
  }
  if (sample.empty()) return counts;
  std::map<std::pair<std::string, std::string>, size_t> seen;
  for (Xapian::docid did : sample) {
    for (const std::vector<indexer::Token>& tokens : FieldTokens(db, analyzer, did, cache)) {
      for (size_t k = 0; k + 1 < tokens.size(); ++k) {
        const indexer::Token& a = tokens[k];
        const indexer::Token& b = tokens[k + 1];
        if (b.position == a.position + 1 && a.folded == first.folded && b.folded == second.folded) {
          ++seen[{a.exact, b.exact}];
        }
      }
    }
  }
  const double scale = static_cast<double>(holding) / static_cast<double>(sample.size());
  for (const auto& [forms, n] : seen) counts[forms] = static_cast<double>(n) * scale;
  return counts;
}

// Adds the forms of word `side` (0: first, 1: second) that `counts` holds
// and `options` lacks.
void AddSeenForms(const Xapian::Database& db, const PairCounts& counts, int side, std::vector<Candidate>* options) {
  for (const auto& [forms, n] : counts) {
    const std::string& form = side == 0 ? forms.first : forms.second;
    const bool known = std::any_of(options->begin(), options->end(), [&](const Candidate& c) { return c.form == form; });
    if (!known) options->push_back({form, LogFrequency(db, form)});
  }
}

double PairScore(const PairCounts& counts, const std::string& a, const std::string& b) {
  auto it = counts.find({a, b});
  return it == counts.end() ? 0.0 : std::log1p(std::min(it->second, kPairCountCap));
}

// Whether restoring diacritics is worth trying: the query was typed without
// any (whoever types "bảo hộ ... bao lâu" has a Vietnamese keyboard and meant
// "bao"), and it reads as Vietnamese: no fewer of its words have written
// forms with diacritics in the index than are English words without any
// (in "Singapore PDPA financial penalty ten percent" only "ten" has, and
// "tên" is not what was meant). A word is English when English passages
// hold its stem.
// `restorable[i]`: whether words[i] has written forms (HasWrittenForms).
bool WorthSuggesting(const Xapian::Database& db, const std::vector<const QueryTerm*>& words,
                     const std::vector<bool>& restorable) {
  size_t with_forms = 0, english = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    const QueryTerm* t = words[i];
    if (!t->match_folded) return false;
    if (restorable[i]) {
      ++with_forms;
      continue;
    }
    const std::string stem = indexer::EnglishStem(t->exact);
    if (!stem.empty() && db.term_exists(search_schema::Term(search_schema::kStemPrefix, stem))) ++english;
  }
  return with_forms > 0 && with_forms >= english;
}

// "Hoa" typed with a capital keeps it ("Hoa Kỳ", not "hoa Kỳ"), and "HOA"
// in capitals stays in capitals.
std::string LikeTyped(const std::string& form, std::string_view typed) {
  if (!indexer::StartsUppercase(typed)) return form;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(form);
  icu::UnicodeString as_typed = icu::UnicodeString::fromUTF8(typed);
  if (as_typed.length() > 1 && icu::UnicodeString(as_typed).toUpper() == as_typed) {
    std::string upper;
    u.toUpper().toUTF8String(upper);
    return upper;
  }
  if (u.isEmpty()) return form;
  const int32_t first = U16_LENGTH(u.char32At(0));
  icu::UnicodeString head(u, 0, first);
  head.toUpper();
  std::string out;
  head.append(u, first, u.length() - first).toUTF8String(out);
  return out;
}

}  // namespace

std::string SuggestSpelling(const Xapian::Database& db, const indexer::Analyzer& analyzer, const std::string& query,
                            const ParsedQuery& parsed) {
  std::vector<const QueryTerm*> words;
  for (const auto& clause : parsed.clauses) {
    if (clause.excluded) continue;
    for (const auto& t : clause.terms) words.push_back(&t);
  }
  if (words.empty()) return "";
  // Each word's synonym key is read once, here: whether it has written forms
  // decides both whether to suggest and which candidates it gets.
  std::vector<bool> restorable;
  for (const QueryTerm* t : words) restorable.push_back(HasWrittenForms(db, *t));
  if (!WorthSuggesting(db, words, restorable)) return "";
  std::vector<std::vector<Candidate>> options;
  for (size_t i = 0; i < words.size(); ++i) options.push_back(Candidates(db, *words[i], restorable[i]));
  // pairs[i]: the words i - 1 and i side by side in the corpus, read where
  // either can change.
  std::vector<PairCounts> pairs(words.size());
  SampledTokens sampled;
  for (size_t i = 1; i < words.size(); ++i) {
    if (!restorable[i - 1] && !restorable[i]) continue;
    pairs[i] = SamplePair(db, analyzer, *words[i - 1], *words[i], &sampled);
    if (restorable[i - 1]) AddSeenForms(db, pairs[i], 0, &options[i - 1]);
    if (restorable[i]) AddSeenForms(db, pairs[i], 1, &options[i]);
  }
  // Viterbi over the candidates: the best-scoring sequence of forms.
  std::vector<std::vector<double>> best(words.size());
  std::vector<std::vector<size_t>> from(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    best[i].assign(options[i].size(), -1e300);
    from[i].assign(options[i].size(), 0);
    for (size_t j = 0; j < options[i].size(); ++j) {
      if (i == 0) {
        best[i][j] = options[i][j].score;
        continue;
      }
      for (size_t k = 0; k < options[i - 1].size(); ++k) {
        const double s = best[i - 1][k] + options[i][j].score +
                         kPairWeight * PairScore(pairs[i], options[i - 1][k].form, options[i][j].form);
        if (s > best[i][j]) {
          best[i][j] = s;
          from[i][j] = k;
        }
      }
    }
  }
  std::vector<size_t> choice(words.size());
  const auto& last = best.back();
  choice.back() = static_cast<size_t>(std::max_element(last.begin(), last.end()) - last.begin());
  for (size_t i = words.size() - 1; i > 0; --i) choice[i - 1] = from[i][choice[i]];

  // Rewrite the query right to left so that earlier offsets stay valid.
  std::string out = query;
  bool changed = false;
  for (size_t i = words.size(); i-- > 0;) {
    const std::string& form = options[i][choice[i]].form;
    if (form == words[i]->exact || words[i]->end <= words[i]->begin) continue;
    const std::string_view typed = std::string_view(query).substr(words[i]->begin, words[i]->end - words[i]->begin);
    out.replace(words[i]->begin, words[i]->end - words[i]->begin, LikeTyped(form, typed));
    changed = true;
  }
  return changed ? out : "";
}

}  // namespace policygraph::server
