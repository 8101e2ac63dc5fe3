#include "indexer/co_mentions.h"

#include <algorithm>
#include <set>

namespace policygraph::indexer {

graph::DocumentContribution ExtractCoMentions(const SourceDocument& doc,
                                              const std::vector<SentenceSpan>& sentences,
                                              const std::vector<EntityMention>& mentions) {
  graph::DocumentContribution c;
  c.doc_id = doc.id;
  std::set<std::string> all;
  for (const auto& m : mentions) all.insert(m.entity_id);
  c.entities.assign(all.begin(), all.end());

  size_t m = 0;  // mentions and sentences are both in text order
  for (const auto& sentence : sentences) {
    while (m < mentions.size() && mentions[m].begin < sentence.begin) ++m;
    std::set<std::string> here;
    for (size_t k = m; k < mentions.size() && mentions[k].begin < sentence.end; ++k) {
      here.insert(mentions[k].entity_id);
    }
    if (here.size() < 2) continue;
    graph::Evidence ev;
    ev.doc_id = doc.id;
    ev.begin = sentence.begin;
    ev.end = sentence.end;
    ev.date = doc.date;
    ev.text = TruncateUtf8(std::string_view(doc.body).substr(sentence.begin, sentence.end - sentence.begin),
                           kMaxEvidenceTextBytes);
    // Undirected: each pair once, smaller id first (std::set is ordered).
    for (auto a = here.begin(); a != here.end(); ++a) {
      for (auto b = std::next(a); b != here.end(); ++b) {
        c.evidence.push_back({graph::EdgeKey{*a, kCoMention, *b}, ev});
      }
    }
  }
  return c;
}

}  // namespace policygraph::indexer
