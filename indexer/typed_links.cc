#include "indexer/typed_links.h"

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
  return links::Sentence(sentence).Links();
}

}  // namespace policygraph::indexer
