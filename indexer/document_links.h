// Everything one document contributes to the graph: per sentence, the typed
// links its entities and trigger words state (typed_links.h), a weak
// co_mention link for any other pair named together, and for each link the
// evidence: document, passage, sentence span, date and trigger.
//
// A referring expression ("hai bên", "nước này", "the bloc", "its") stands
// for the party named earlier in the passage where links/antecedents.h
// resolves it; a link that reaches a party only so has evidence from the
// sentence naming it through the sentence with the trigger.
//
// A sentence's date is the first date written in it (not a plan's period
// such as "2021-2025", not a year inside a name); failing that, the last
// date written earlier in the same passage ("Ngày 23/11/2022, … . Sự kiện
// này …"); failing that, the document's date.
#pragma once

#include <functional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/graph_types.h"
#include "indexer/analyzer.h"
#include "indexer/document.h"
#include "indexer/entity_matcher.h"
#include "indexer/link_model.h"
#include "indexer/link_triggers.h"
#include "indexer/links/antecedents.h"
#include "indexer/passages.h"
#include "indexer/typed_links.h"

namespace policygraph::indexer {

// Longest sentence text kept as evidence; the span still covers it whole.
constexpr size_t kMaxEvidenceTextBytes = 1000;

// One sentence as the linker saw it, with the typed links the rules found
// in it: what `policygraph train-links` learns from and measures on. Valid
// only during the call.
struct LinkedSentence {
  const SourceDocument& doc;
  const graph::Evidence& evidence;  // its span, passage and date
  const SentenceContext& context;
  const std::vector<TypedLink>& rule_links;
};
// Called once per sentence that names an entity, from whichever thread
// analyses the document: it must be safe to call concurrently.
using SentenceObserver = std::function<void(const LinkedSentence&)>;

class DocumentLinker {
 public:
  // `entities` gives each id's type; `matcher` finds names inside names. Both
  // must outlive the linker.
  DocumentLinker(const Analyzer& analyzer, const EntityMatcher& matcher,
                 const std::vector<graph::Node>& entities);

  // `tokens`, `mentions`, `passages` and `sentences` come from the analyser,
  // matcher and SplitPassages over doc.body. Two sentences a name runs
  // across ("the U.S. | Department of State") are read as one.
  graph::DocumentContribution Extract(const SourceDocument& doc, const std::vector<Token>& tokens,
                                      const std::vector<EntityMention>& mentions,
                                      const std::vector<Passage>& passages,
                                      const std::vector<SentenceSpan>& sentences) const;

  // Shows every sentence to `observer` (none by default). It sees the
  // rules' links only, before the model's: what the model is trained on.
  void set_observer(SentenceObserver observer) { observer_ = std::move(observer); }

  // The trained link classifier (link_model.h), or none (the default): the
  // rules alone. With one, each pair of entities named in a sentence that
  // the model finds linked (its threshold) gets that link as well as the
  // rules' ("the union": on the held-out articles it found a tenth more
  // gold links at a small cost in precision, docs/QUALITY.md). `model` must
  // outlive the linker.
  void set_link_model(const LinkModel* model) { model_ = model; }

 private:
  // Tells `antecedents` the one country the document makes plain, if any.
  void StartDocument(const SourceDocument& doc, const std::vector<EntityMention>& mentions,
                     const std::vector<SentenceMention>& all, const std::vector<SentenceSpan>& sentences,
                     links::AntecedentResolver* antecedents) const;

  SentenceObserver observer_;
  const LinkModel* model_ = nullptr;
  const EntityMatcher& matcher_;
  TriggerLexicon triggers_;
  links::AntecedentResolver antecedents_;  // copied per document: it keeps the passage's names
  std::unordered_map<std::string, std::string> type_of_;
  std::unordered_set<std::string> government_;  // ministries, agencies: see SentenceMention
  std::unordered_set<std::string> banks_;       // lenders: their funding is finance, not a grant
};

}  // namespace policygraph::indexer
