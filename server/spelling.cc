#include "server/spelling.h"

#include <algorithm>
#include <cmath>

#include <unicode/unistr.h>

#include "indexer/english_stem.h"
#include "indexer/entity_matcher.h"
#include "indexer/search_schema.h"

namespace policygraph::server {

namespace {

// Candidates per word, most frequent first; more rarely changes the choice.
constexpr size_t kCandidates = 4;
// Weight of a pair of words seen together against each word's frequency:
// context decides between "chuyển đổi số" and "chuyển đối số".
constexpr double kPairWeight = 2.0;
// Passages a pair is counted in, at most. Counting every passage that holds
// a common pair ("văn bản": 86,000) took tens of milliseconds a pair; past
// a few hundred the count no longer decides between forms that are both
// common, and the words' own frequencies do.
constexpr Xapian::doccount kPairCountCap = 2000;

struct Candidate {
  std::string form;
  double score = 0;  // log frequency
};

// Written forms of a word typed without diacritics, from the synonyms the
// indexer recorded, plus the word itself when it occurs as written.
std::vector<Candidate> Candidates(const Xapian::Database& db, const QueryTerm& term) {
  std::vector<Candidate> out;
  if (!term.match_folded) return {{term.exact, 0}};
  // Only words that have written forms with diacritics can be restored.
  std::string probe(search_schema::kFoldedPrefix);
  probe += term.folded;
  if (db.synonyms_begin(probe) == db.synonyms_end(probe)) return {{term.exact, 0}};
  std::string key(search_schema::kFoldedPrefix);
  key += term.folded;
  out.push_back({term.folded, std::log1p(db.get_termfreq(term.folded))});
  for (auto it = db.synonyms_begin(key); it != db.synonyms_end(key); ++it) {
    out.push_back({*it, std::log1p(db.get_termfreq(*it))});
  }
  std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  if (out.size() > kCandidates) out.resize(kCandidates);
  return out;
}

// `pair_term`: the pair term (search_schema.h) of the two words' folded
// forms, which every passage holding the phrase holds: the phrase's
// positions are then read only in passages that hold it. The count is the
// same with or without it.
double PairScore(const Xapian::Database& db, const std::string& a, const std::string& b,
                 const std::string& pair_term) {
  Xapian::Enquire enquire(db);
  const Xapian::Query pair[] = {Xapian::Query(a), Xapian::Query(b)};
  Xapian::Query phrase(Xapian::Query::OP_PHRASE, pair, pair + 2, 2);
  if (!pair_term.empty()) phrase = Xapian::Query(Xapian::Query::OP_FILTER, phrase, Xapian::Query(pair_term));
  enquire.set_query(phrase);
  // Unweighted, the match stops once it has found the cap (ranked, Xapian
  // 1.4 goes through every candidate however few items are asked for); the
  // lower bound is then the exact count up to the cap, where the estimate
  // past it would be a guess.
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::DONT_CARE);
  const Xapian::doccount found = enquire.get_mset(0, 0, kPairCountCap).get_matches_lower_bound();
  return std::log1p(std::min(found, kPairCountCap));
}

// Whether restoring diacritics is worth trying: the query was typed without
// any (whoever types "bảo hộ ... bao lâu" has a Vietnamese keyboard and meant
// "bao"), and it reads as Vietnamese: no fewer of its words have written
// forms with diacritics in the index than are English words without any
// (in "Singapore PDPA financial penalty ten percent" only "ten" has, and
// "tên" is not what was meant). A word is English when English passages
// hold its stem.
bool WorthSuggesting(const Xapian::Database& db, const std::vector<const QueryTerm*>& words) {
  size_t restorable = 0, english = 0;
  for (const QueryTerm* t : words) {
    if (!t->match_folded) return false;
    const std::string key = search_schema::Term(search_schema::kFoldedPrefix, t->folded);
    if (db.synonyms_begin(key) != db.synonyms_end(key)) {
      ++restorable;
      continue;
    }
    const std::string stem = indexer::EnglishStem(t->exact);
    if (!stem.empty() && db.term_exists(search_schema::Term(search_schema::kStemPrefix, stem))) ++english;
  }
  return restorable > 0 && restorable >= english;
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

std::string SuggestSpelling(const Xapian::Database& db, const std::string& query, const ParsedQuery& parsed) {
  std::vector<const QueryTerm*> words;
  for (const auto& clause : parsed.clauses) {
    if (clause.excluded) continue;
    for (const auto& t : clause.terms) words.push_back(&t);
  }
  if (words.empty() || !WorthSuggesting(db, words)) return "";
  // Viterbi over the candidates: the best-scoring sequence of forms.
  std::vector<std::vector<Candidate>> options;
  for (const QueryTerm* t : words) options.push_back(Candidates(db, *t));
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
      // With one candidate on each side the pair cannot change the choice:
      // skip its phrase count, the costly part.
      const bool choice_here = options[i - 1].size() > 1 || options[i].size() > 1;
      const std::string pair_term = search_schema::PairTerm(words[i - 1]->folded, words[i]->folded);
      for (size_t k = 0; k < options[i - 1].size(); ++k) {
        double s = best[i - 1][k] + options[i][j].score +
                   (choice_here ? kPairWeight * PairScore(db, options[i - 1][k].form, options[i][j].form, pair_term)
                                : 0.0);
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
