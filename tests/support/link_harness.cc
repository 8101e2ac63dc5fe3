#include "tests/support/link_harness.h"

#include <utility>

#include "indexer/document.h"
#include "indexer/passages.h"

namespace policygraph::testing {

graph::Node MakeNode(std::string id, std::string type, std::vector<std::string> en, std::vector<std::string> vi,
                     std::vector<std::string> pairing) {
  graph::Node n;
  n.id = std::move(id);
  n.type = std::move(type);
  n.names_en = std::move(en);
  n.names_vi = std::move(vi);
  n.pairing_names = std::move(pairing);
  return n;
}

LinkHarness::LinkHarness(std::vector<graph::Node> entities)
    : entities_(std::move(entities)), matcher_(analyzer_, entities_), linker_(analyzer_, matcher_, entities_) {}

graph::DocumentContribution LinkHarness::Extract(const std::string& body, const std::string& date) {
  indexer::SourceDocument doc;
  doc.id = "doc";
  doc.date = date;
  doc.body = body;
  doc.lang = std::string(indexer::LanguageCode(analyzer_.DetectLanguage(doc.body)));  // as the indexer does
  auto tokens = analyzer_.Tokenize(doc.body);
  auto mentions = matcher_.Find(doc.body, tokens);
  return linker_.Extract(doc, tokens, mentions, indexer::SplitPassages(doc.body, analyzer_),
                         analyzer_.Sentences(doc.body));
}

std::set<Link> LinkHarness::Typed(const std::string& body) {
  std::set<Link> out;
  for (const auto& [key, ev] : Extract(body).evidence) {
    if (key.relation != indexer::kCoMention) out.emplace(key.source, key.relation, key.target);
  }
  return out;
}

std::set<Link> LinkHarness::All(const std::string& body) {
  std::set<Link> out;
  for (const auto& [key, ev] : Extract(body).evidence) out.emplace(key.source, key.relation, key.target);
  return out;
}

std::vector<graph::Evidence> LinkHarness::EvidenceOf(const std::string& body, const Link& link,
                                                     const std::string& date) {
  std::vector<graph::Evidence> found;
  for (const auto& [key, ev] : Extract(body, date).evidence) {
    if (Link{key.source, key.relation, key.target} == link) found.push_back(ev);
  }
  return found;
}

}  // namespace policygraph::testing
