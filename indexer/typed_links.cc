#include "indexer/typed_links.h"

#include <stdexcept>
#include <string>

#include "indexer/links/sentence.h"

namespace policygraph::indexer {

EntityKind KindOfType(const std::string& type) {
  if (type == "country" || type == "regional_org" || type == "organization") return EntityKind::kActor;
  if (type == "law" || type == "agreement" || type == "strategy" || type == "plan" || type == "programme" ||
      type == "initiative" || type == "framework") {
    return EntityKind::kFramework;
  }
  if (type == "event") return EntityKind::kEvent;
  if (type == "person") return EntityKind::kPerson;
  return EntityKind::kOther;
}

std::vector<TypedLink> FindTypedLinks(const SentenceContext& sentence) {
  if (sentence.mentions.size() < 1 || sentence.tokens == nullptr) return {};
  const size_t n = sentence.tokens->size();
  for (const auto& m : sentence.mentions) {
    if (m.first >= n || m.count > n - m.first) {
      throw std::invalid_argument("typed links: the mention of " + m.id + " at token " + std::to_string(m.first) +
                                  " (" + std::to_string(m.count) + " tokens) lies outside the sentence's " +
                                  std::to_string(n) + " tokens");
    }
  }
  for (const auto& h : sentence.triggers) {
    if (h.first >= n || h.count > n - h.first) {
      throw std::invalid_argument("typed links: the trigger \"" + h.relation + "\" at token " +
                                  std::to_string(h.first) + " lies outside the sentence's " + std::to_string(n) +
                                  " tokens");
    }
  }
  return links::Sentence(sentence).Links();
}

}  // namespace policygraph::indexer
