#include "server/link_training.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <mutex>
#include <set>
#include <sstream>

#include "indexer/analyzer.h"  // TruncateUtf8
#include "indexer/cross_sentence_features.h"
#include "indexer/document.h"
#include "indexer/link_features.h"
#include "indexer/link_model.h"
#include "indexer/link_triggers.h"
#include "indexer/text_fields.h"
#include "server/graph_gold.h"

namespace policygraph::server {


namespace {

// A candidate pair as training and scoring need it, once the sentence is gone.
struct Candidate {
  std::string first, second;  // entity ids, `first` named earlier
  std::vector<std::string> features;
  int label = 0;  // index in indexer::LinkLabels(), from the gold
};

struct Sentence {
  uint32_t paragraph = 0;
  uint32_t begin = 0;             // byte offset in the document: sentences arrive in any order
  std::vector<std::string> ids;   // the entities named or referred to, in order
  std::string text;  // the evidence text, for --diagnose
  std::vector<Candidate> candidates;
  std::vector<indexer::TypedLink> rule_links;
  indexer::SentenceSketch sketch;  // for candidates across it and the next
};

// A candidate across two neighbouring sentences of one paragraph
// (cross_sentence_features.h): `first` named in the earlier one.
struct CrossPair {
  uint32_t paragraph = 0;
  Candidate candidate;
};

struct Article {
  std::string file;
  bool english = false;
  std::vector<Sentence> sentences;  // in text order
  std::vector<CrossPair> cross;
  std::vector<GoldLink> gold;
  GoldNodes nodes_of;
};

std::string Fixed(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

// The label a gold link gives the pair (first, second), or 0 (none).
int GoldLabel(const Candidate& c, uint32_t paragraph, const Article& a) {
  auto holds = [&](const std::string& key, const std::string& id) {
    auto it = a.nodes_of.find(key);
    return it != a.nodes_of.end() && it->second.count(id) > 0;
  };
  for (const auto& g : a.gold) {
    if (!g.paragraphs.count(paragraph)) continue;
    const bool forward = holds(g.a, c.first) && holds(g.b, c.second);
    const bool backward = holds(g.a, c.second) && holds(g.b, c.first);
    if (!forward && !backward) continue;
    if (indexer::IsUndirectedRelation(g.relation)) return indexer::LinkLabelIndex(g.relation);
    return indexer::LinkLabelIndex(g.relation + (forward ? ">" : "<"));
  }
  return 0;
}

Status LoadArticle(const std::string& file, const std::string& entities, const std::string& links,
                   const std::string& gazetteer, Article* a) {
  a->file = file;
  a->english = file.find("-en") != std::string::npos || file.find("/en/") != std::string::npos;
  std::vector<GoldEntity> gold_entities;
  Status s = LoadGold(entities, links, &gold_entities, &a->gold);
  if (!s.ok()) return s;
  std::mutex mu;
  auto observe = [&](const indexer::LinkedSentence& ls) {
    Sentence sentence;
    sentence.paragraph = ParagraphAt(ls.context.text, ls.evidence.begin);
    sentence.begin = ls.evidence.begin;
    for (const auto& m : ls.context.mentions) sentence.ids.push_back(m.id);
    sentence.text = ls.evidence.text;
    sentence.rule_links = ls.rule_links;
    sentence.sketch = indexer::SketchOf(ls.context);
    for (const auto& pair : indexer::CandidatePairs(ls.context)) {
      Candidate c;
      c.first = ls.context.mentions[pair.first].id;
      c.second = ls.context.mentions[pair.second].id;
      c.features = indexer::LinkFeatures(ls.context, pair, ls.rule_links);
      sentence.candidates.push_back(std::move(c));
    }
    std::lock_guard<std::mutex> lock(mu);
    a->sentences.push_back(std::move(sentence));
  };
  IndexedArticle article;
  // The rules alone: the observer sees their links only anyway, and the
  // model being trained must not depend on a model.
  s = IndexArticle(file, gold_entities, gazetteer, "", "", observe, nullptr, &article);
  if (!s.ok()) return s;
  a->nodes_of = std::move(article.nodes_of);
  std::sort(a->sentences.begin(), a->sentences.end(),
            [](const Sentence& x, const Sentence& y) { return x.begin < y.begin; });
  for (auto& sentence : a->sentences) {
    for (auto& c : sentence.candidates) c.label = GoldLabel(c, sentence.paragraph, *a);
  }
  // Sentences that name no one are not observed: neighbours here are the
  // sentences with names, as the indexer would see them.
  for (size_t k = 1; k < a->sentences.size(); ++k) {
    const Sentence& first = a->sentences[k - 1];
    const Sentence& second = a->sentences[k];
    if (first.paragraph != second.paragraph) continue;
    for (const auto& pair : indexer::CrossCandidates(first.sketch, second.sketch)) {
      CrossPair x;
      x.paragraph = second.paragraph;
      x.candidate.first = first.sketch.mentions[pair.earlier].id;
      x.candidate.second = second.sketch.mentions[pair.later].id;
      x.candidate.features = indexer::CrossFeatures(first.sketch, second.sketch, pair);
      x.candidate.label = GoldLabel(x.candidate, x.paragraph, *a);
      a->cross.push_back(std::move(x));
    }
  }
  return Status::OK();
}

// Links as eval-graph counts them: found / gold, right / returned.
struct LinkScore {
  size_t found = 0, gold = 0, right = 0, returned = 0;
  void Add(const LinkScore& o) {
    found += o.found, gold += o.gold, right += o.right, returned += o.returned;
  }
  double P() const { return returned ? double(right) / returned : 0; }
  double R() const { return gold ? double(found) / gold : 0; }
  std::string Text() const {
    return Fixed(P()) + " / " + Fixed(R()) + " (" + std::to_string(right) + "/" + std::to_string(returned) + ", " +
           std::to_string(found) + "/" + std::to_string(gold) + ")";
  }
};

using Edges = std::map<graph::EdgeKey, std::set<uint32_t>>;

// `relation` "" scores every link; else only the links of that relation,
// gold and extracted.
LinkScore ScoreEdges(const Edges& edges, const Article& a, const std::string& relation = "") {
  LinkScore s;
  for (const auto& g : a.gold) {
    if (!relation.empty() && g.relation != relation) continue;
    ++s.gold;
    s.found += std::any_of(edges.begin(), edges.end(),
                           [&](const auto& e) { return EdgeMatches(e.first, e.second, g, a.nodes_of); });
  }
  for (const auto& [k, paragraphs] : edges) {
    if (!relation.empty() && k.relation != relation) continue;
    ++s.returned;
    const graph::EdgeKey& key = k;
    const std::set<uint32_t>& where = paragraphs;
    s.right += std::any_of(a.gold.begin(), a.gold.end(),
                           [&](const GoldLink& g) { return EdgeMatches(key, where, g, a.nodes_of); });
  }
  return s;
}

// The edge a classifier label gives the pair, as the graph stores it.
graph::EdgeKey EdgeOf(const Candidate& c, const std::string& label) {
  if (label == indexer::kCooperation) {
    auto [lo, hi] = std::minmax(c.first, c.second);
    return {lo, label, hi};
  }
  const std::string relation = label.substr(0, label.size() - 1);
  return label.back() == '>' ? graph::EdgeKey{c.first, relation, c.second} : graph::EdgeKey{c.second, relation, c.first};
}

// kVetoed: the union, less the rules' links between a pair the classifier
// sees and finds unlinked with probability at least `veto`.
enum class System { kRules, kClassifier, kUnion, kVetoed };
constexpr System kSystems[] = {System::kRules, System::kClassifier, System::kUnion, System::kVetoed};
const char* SystemName(System system) {
  static const char* names[] = {"rules", "classifier", "union", "vetoed union"};
  return names[static_cast<size_t>(system)];
}

// The classifier on one candidate: its label ("" = none) and the
// probability it gives "none".
struct Decision {
  std::string label;
  double none = 0;
};
using ArticleDecisions = std::vector<std::vector<Decision>>;  // [sentence][candidate]

// One article's links from one system.
Edges SystemEdges(const Article& a, System system, const ArticleDecisions& decisions, double veto = 1.0) {
  Edges edges;
  for (size_t s = 0; s < a.sentences.size(); ++s) {
    const Sentence& sentence = a.sentences[s];
    std::map<std::pair<std::string, std::string>, double> none_of_pair;
    for (size_t k = 0; k < sentence.candidates.size(); ++k) {
      const Candidate& c = sentence.candidates[k];
      none_of_pair[std::minmax(c.first, c.second)] = decisions.empty() ? 0 : decisions[s][k].none;
    }
    for (const auto& l : sentence.rule_links) {
      const auto seen = none_of_pair.find(std::minmax(l.source, l.target));
      const bool classifier_decides = seen != none_of_pair.end();
      if (system == System::kClassifier && classifier_decides) continue;
      if (system == System::kVetoed && classifier_decides && seen->second >= veto) continue;
      edges[{l.source, l.relation, l.target}].insert(sentence.paragraph);
    }
    if (system == System::kRules) continue;
    for (size_t k = 0; k < sentence.candidates.size(); ++k) {
      const std::string& label = decisions[s][k].label;
      if (!label.empty()) edges[EdgeOf(sentence.candidates[k], label)].insert(sentence.paragraph);
    }
  }
  return edges;
}

std::vector<indexer::LinkExample> Examples(const std::vector<Article>& articles, size_t skip) {
  std::vector<indexer::LinkExample> out;
  for (size_t i = 0; i < articles.size(); ++i) {
    if (i == skip) continue;
    for (const auto& s : articles[i].sentences) {
      for (const auto& c : s.candidates) out.push_back({c.features, c.label});
    }
  }
  return out;
}

std::string OmitText(const std::vector<std::string>& omit) {
  std::string t;
  for (const auto& o : omit) t += (t.empty() ? "" : ",") + o;
  return t.empty() ? "-" : t;
}

// Leave-one-article-out: for each configuration, each article is decided by
// a model trained on the others.
// Decisions from per-candidate probabilities: the likeliest relation when
// its probability reaches `threshold`, else "".
ArticleDecisions Decisions(const std::vector<std::vector<std::vector<double>>>& probabilities, double threshold) {
  ArticleDecisions decisions(probabilities.size());
  for (size_t s = 0; s < probabilities.size(); ++s) {
    for (const auto& p : probabilities[s]) {
      size_t best = 1;
      for (size_t c = 2; c < p.size(); ++c) {
        if (p[c] > p[best]) best = c;
      }
      decisions[s].push_back({p[best] >= threshold ? indexer::LinkLabels()[best] : "", p[0]});
    }
  }
  return decisions;
}

// probabilities[i][s][k]: article i's sentence s's candidate k, from a
// model trained on every article but i.
using HeldOutProbabilities = std::vector<std::vector<std::vector<std::vector<double>>>>;
HeldOutProbabilities LeaveOneOut(const std::vector<Article>& articles, const indexer::LinkTrainOptions& train) {
  HeldOutProbabilities probabilities(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    indexer::LinkModel model = indexer::LinkModel::Train(Examples(articles, i), train);
    for (const auto& s : articles[i].sentences) {
      probabilities[i].emplace_back();
      for (const auto& c : s.candidates) probabilities[i].back().push_back(model.Probabilities(c.features));
    }
  }
  return probabilities;
}

const std::vector<std::string>& ScoredRelations() {
  static const std::vector<std::string> relations = {indexer::kCooperation, indexer::kEnactment,
                                                     indexer::kParticipation, indexer::kInvestment,
                                                     indexer::kMembership, indexer::kBasis};
  return relations;
}

// Each article's figures for one configuration (the one `--omit`, `--l2`
// and `--threshold` name): where the classifier helps and where it hurts.
void PerArticle(const std::vector<Article>& articles, const LinkTrainingOptions& options, std::ostream& out,
                std::ostream& progress) {
  indexer::LinkTrainOptions train;
  train.omit = options.omit;
  train.l2 = options.l2;
  progress << "cross-validating, per article, omit=" << OmitText(options.omit) << " l2=" << options.l2 << std::endl;
  HeldOutProbabilities probabilities = LeaveOneOut(articles, train);
  out << "\nper article, omit " << OmitText(options.omit) << ", l2 " << options.l2 << ", threshold "
      << options.threshold << ", veto " << options.veto << "\narticle\tgold\trules\tclassifier\tunion\tvetoed union\n";
  const std::vector<std::string>& relations = ScoredRelations();
  // [system][relation], summed over the articles.
  std::vector<std::vector<LinkScore>> by_relation(std::size(kSystems), std::vector<LinkScore>(relations.size()));
  const std::vector<double> vetoes = {0.5, 0.6, 0.7, 0.8, 0.9, 0.95};
  std::vector<LinkScore> by_veto(vetoes.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    const Article& a = articles[i];
    const auto decisions = Decisions(probabilities[i], options.threshold);
    for (size_t v = 0; v < vetoes.size(); ++v) {
      by_veto[v].Add(ScoreEdges(SystemEdges(a, System::kVetoed, decisions, vetoes[v]), a));
    }
    out << a.file << "\t" << a.gold.size();
    for (System system : kSystems) {
      const Edges edges = SystemEdges(a, system, decisions, options.veto);
      LinkScore sc = ScoreEdges(edges, a);
      out << "\t" << Fixed(sc.P()) << " / " << Fixed(sc.R());
      for (size_t r = 0; r < relations.size(); ++r) {
        by_relation[static_cast<size_t>(system)][r].Add(ScoreEdges(edges, a, relations[r]));
      }
    }
    out << "\n";
  }
  out << "\nper relation, same configuration\nrelation\trules\tclassifier\tunion\tvetoed union\n";
  for (size_t r = 0; r < relations.size(); ++r) {
    out << relations[r];
    for (size_t system = 0; system < std::size(kSystems); ++system) out << "\t" << by_relation[system][r].Text();
    out << "\n";
  }
  out << "\nvetoed union by veto (the least probability of none that drops a rule's link), same configuration\n";
  for (size_t v = 0; v < vetoes.size(); ++v) out << vetoes[v] << "\t" << by_veto[v].Text() << "\n";
}

// Gold links some candidate pair carries: the most any classifier of pairs
// can find (the rules also reach a few others through names inside names and
// anaphora). The others: an end no node holds (an entity missed), or both
// ends held but never named as a pair in one sentence of the link's
// paragraphs.
struct GoldSplit {
  size_t gold = 0, reachable = 0, end_missed = 0, not_paired = 0;
  size_t adjacent = 0;  // of not_paired: ends named in two neighbouring sentences of one paragraph
  size_t adjacent_pairs = 0;  // the cross pairs (CrossCandidates): what a classifier of them would weigh
};
GoldSplit SplitGold(const std::vector<Article>& articles) {
  GoldSplit split;
  for (const auto& a : articles) {
    split.gold += a.gold.size();
    for (const auto& g : a.gold) {
      bool carried = false, paired = false;
      const auto& na = a.nodes_of.at(g.a);
      const auto& nb = a.nodes_of.at(g.b);
      for (const auto& s : a.sentences) {
        for (const auto& c : s.candidates) {
          if (!g.paragraphs.count(s.paragraph)) continue;
          paired = paired || (na.count(c.first) && nb.count(c.second)) || (na.count(c.second) && nb.count(c.first));
          if (c.label == 0) continue;
          graph::EdgeKey k = EdgeOf(c, indexer::LinkLabels()[c.label]);
          carried = carried || EdgeMatches(k, {s.paragraph}, g, a.nodes_of);
        }
      }
      split.reachable += carried;
      if (na.empty() || nb.empty()) {
        ++split.end_missed;
      } else if (!paired) {
        ++split.not_paired;
        auto names = [](const Sentence& s, const std::set<std::string>& nodes) {
          return std::any_of(s.ids.begin(), s.ids.end(), [&](const std::string& id) { return nodes.count(id) > 0; });
        };
        // Sentences are in text order (LoadArticle).
        bool adjacent = false;
        for (size_t k = 1; k < a.sentences.size() && !adjacent; ++k) {
          const Sentence& x = a.sentences[k - 1];
          const Sentence& y = a.sentences[k];
          if (x.paragraph != y.paragraph || !g.paragraphs.count(y.paragraph)) continue;
          adjacent = (names(x, na) && names(y, nb)) || (names(x, nb) && names(y, na));
        }
        split.adjacent += adjacent;
      }
    }
    split.adjacent_pairs += a.cross.size();
  }
  return split;
}

void CrossValidate(const std::vector<Article>& articles, std::ostream& out, std::ostream& progress) {
  const std::vector<std::vector<std::string>> omits = {{"r:", "w:"}, {"w:"}, {"r:"}, {}};
  const std::vector<double> l2s = {1e-4, 1e-3, 1e-2};
  const std::vector<double> thresholds = {0.3, 0.4, 0.5, 0.6, 0.7};

  // Rules alone need no training.
  LinkScore rules_all, rules_vi, rules_en;
  for (const auto& a : articles) {
    LinkScore sc = ScoreEdges(SystemEdges(a, System::kRules, {}), a);
    rules_all.Add(sc);
    (a.english ? rules_en : rules_vi).Add(sc);
  }
  const GoldSplit split = SplitGold(articles);
  const size_t gold = split.gold, reachable = split.reachable, end_missed = split.end_missed,
               not_paired = split.not_paired;
  out << "leave-one-article-out cross-validation over " << articles.size() << " articles, " << gold
      << " gold links: " << reachable << " carried by a candidate pair; " << end_missed
      << " with an end no node holds; " << not_paired << " with both ends held but never paired in one sentence"
      << " of their paragraphs\n"
      << "micro precision / recall (right/returned, found/gold)\n\n"
      << "system\tomit\tl2\tthreshold\tall\tvi\ten\n"
      << "rules\t\t\t\t" << rules_all.Text() << "\t" << rules_vi.Text() << "\t" << rules_en.Text() << "\n";

  for (const auto& omit : omits) {
    for (double l2 : l2s) {
      progress << "cross-validating omit=" << OmitText(omit) << " l2=" << l2 << std::endl;
      indexer::LinkTrainOptions train;
      train.omit = omit;
      train.l2 = l2;
      HeldOutProbabilities probabilities = LeaveOneOut(articles, train);
      for (double threshold : thresholds) {
        for (System system : {System::kClassifier, System::kUnion}) {
          LinkScore all, vi, en;
          for (size_t i = 0; i < articles.size(); ++i) {
            const Article& a = articles[i];
            const auto decisions = Decisions(probabilities[i], threshold);
            LinkScore sc = ScoreEdges(SystemEdges(a, system, decisions), a);
            all.Add(sc);
            (a.english ? en : vi).Add(sc);
          }
          out << (system == System::kClassifier ? "classifier" : "union") << "\t" << OmitText(omit) << "\t" << l2
              << "\t" << threshold << "\t" << all.Text() << "\t" << vi.Text() << "\t" << en.Text() << "\n";
        }
      }
    }
  }
}


// Links across neighbouring sentences (cross_sentence_features.h): a model
// of their own, trained on the cross pairs of the training articles.
std::vector<indexer::LinkExample> CrossExamples(const std::vector<Article>& articles, size_t skip) {
  std::vector<indexer::LinkExample> out;
  for (size_t i = 0; i < articles.size(); ++i) {
    if (i == skip) continue;
    for (const auto& x : articles[i].cross) out.push_back({x.candidate.features, x.candidate.label});
  }
  return out;
}

// The cross pairs' links where the model's likeliest relation reaches
// `threshold`, added to `edges`.
void AddCrossEdges(const Article& a, const indexer::LinkModel& model, double threshold, Edges* edges) {
  for (const auto& x : a.cross) {
    const std::string label = model.Decide(x.candidate.features, threshold);
    if (!label.empty()) (*edges)[EdgeOf(x.candidate, label)].insert(x.paragraph);
  }
}

// What links across sentences add to the shipped system (the vetoed
// union): `pair_models[i]` and `cross_models[i]` decide article i.
void CrossReport(const std::vector<Article>& articles, const std::vector<const indexer::LinkModel*>& pair_models,
                 const std::vector<const indexer::LinkModel*>& cross_models, const LinkTrainingOptions& options,
                 std::ostream& out) {
  size_t pairs = 0, positives = 0;
  for (const auto& a : articles) {
    pairs += a.cross.size();
    for (const auto& x : a.cross) positives += x.candidate.label != 0;
  }
  out << "\nlinks across neighbouring sentences: " << pairs << " cross pairs, " << positives
      << " labelled with a gold link\nthreshold\tcross links alone\tvetoed union + cross\n";
  LinkScore base;
  std::vector<ArticleDecisions> decisions(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    std::vector<std::vector<std::vector<double>>> probabilities;
    for (const auto& s : articles[i].sentences) {
      probabilities.emplace_back();
      for (const auto& c : s.candidates) probabilities.back().push_back(pair_models[i]->Probabilities(c.features));
    }
    decisions[i] = Decisions(probabilities, options.threshold);
    base.Add(ScoreEdges(SystemEdges(articles[i], System::kVetoed, decisions[i], options.veto), articles[i]));
  }
  out << "-\t-\t" << base.Text() << "\n";
  // Gold cross links are rare (one pair in twenty-four on the training
  // articles), so the model's probabilities stay low: low thresholds too.
  for (double threshold : {0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5}) {
    LinkScore alone, both;
    for (size_t i = 0; i < articles.size(); ++i) {
      Edges cross;
      AddCrossEdges(articles[i], *cross_models[i], threshold, &cross);
      alone.Add(ScoreEdges(cross, articles[i]));
      Edges edges = SystemEdges(articles[i], System::kVetoed, decisions[i], options.veto);
      for (const auto& [k, where] : cross) edges[k].insert(where.begin(), where.end());
      both.Add(ScoreEdges(edges, articles[i]));
    }
    out << threshold << "\t" << alone.Text() << "\t" << both.Text() << "\n";
  }
}

// `--test`: one model trained on every training article decides the test
// articles; only sums over them are printed, never an article or a link, so
// a held-out set can be measured without being read.
void TestReport(const std::vector<Article>& training, const std::vector<Article>& test,
                const LinkTrainingOptions& options, std::ostream& out, std::ostream& progress) {
  indexer::LinkTrainOptions train;
  train.omit = options.omit;
  train.l2 = options.l2;
  progress << "training on " << training.size() << " articles, omit=" << OmitText(options.omit) << " l2=" << options.l2
           << std::endl;
  const indexer::LinkModel model = indexer::LinkModel::Train(Examples(training, training.size()), train);
  const std::vector<std::string>& relations = ScoredRelations();
  struct Sums {
    LinkScore all, vi, en;
    std::vector<LinkScore> by_relation;
  };
  std::vector<Sums> sums(std::size(kSystems), Sums{{}, {}, {}, std::vector<LinkScore>(relations.size())});
  size_t gold = 0;
  for (const Article& a : test) {
    gold += a.gold.size();
    std::vector<std::vector<std::vector<double>>> probabilities;
    for (const auto& s : a.sentences) {
      probabilities.emplace_back();
      for (const auto& c : s.candidates) probabilities.back().push_back(model.Probabilities(c.features));
    }
    const auto decisions = Decisions(probabilities, options.threshold);
    for (System system : kSystems) {
      const Edges edges = SystemEdges(a, system, decisions, options.veto);
      Sums& sum = sums[static_cast<size_t>(system)];
      const LinkScore sc = ScoreEdges(edges, a);
      sum.all.Add(sc);
      (a.english ? sum.en : sum.vi).Add(sc);
      for (size_t r = 0; r < relations.size(); ++r) sum.by_relation[r].Add(ScoreEdges(edges, a, relations[r]));
    }
  }
  out << "\ntest: " << test.size() << " articles, " << gold << " gold links, decided by the model trained on the "
      << training.size() << " articles of --sets (omit " << OmitText(options.omit) << ", l2 " << options.l2
      << ", threshold " << options.threshold << ", veto " << options.veto << "); sums only\n";
  const GoldSplit split = SplitGold(test);
  out << "of the gold links: " << split.reachable << " carried by a candidate pair; " << split.end_missed
      << " with an end no node holds; " << split.not_paired
      << " with both ends held but never paired in one sentence of their paragraphs (" << split.adjacent
      << " of them in two neighbouring sentences of one paragraph, among " << split.adjacent_pairs
      << " such pairs of entities)\n"
      << "system\tall\tvi\ten\n";
  for (size_t system = 0; system < std::size(kSystems); ++system) {
    out << SystemName(kSystems[system]) << "\t" << sums[system].all.Text() << "\t" << sums[system].vi.Text() << "\t"
        << sums[system].en.Text() << "\n";
  }
  out << "\ntest, by relation\nrelation\trules\tclassifier\tunion\tvetoed union\n";
  for (size_t r = 0; r < relations.size(); ++r) {
    out << relations[r];
    for (size_t system = 0; system < std::size(kSystems); ++system) out << "\t" << sums[system].by_relation[r].Text();
    out << "\n";
  }
}

// One line of text, for a report: newlines and tabs become spaces, and a
// long sentence is cut at a character's edge (the report stays UTF-8).
std::string OneLine(std::string_view text) {
  std::string out = indexer::TruncateUtf8(text, 400);
  for (char& ch : out) {
    if (ch == '\n' || ch == '\t') ch = ' ';
  }
  return out;
}

// --diagnose: where the rules gain and lose each gold link, and why each
// wrong link is wrong, so that a rule is written from a pattern, not a hunch.
// Gold links fall in three places (as --cv counts them): an end no node
// holds; both ends held but never named together in one sentence of the
// link's paragraphs; named together (what a per-sentence rule can see).
// Each is then found, found only with another relation (same node pair,
// same paragraph), or not found. A wrong link is: another relation than the
// gold's for that pair, the gold link's reverse, a gold pair in another
// paragraph, an end that holds no gold entity, or two gold entities the
// gold does not link.
void Diagnose(const std::vector<Article>& articles, std::ostream& out) {
  std::map<std::string, size_t> split;  // "paired found" …
  std::map<std::string, size_t> wrong_by;
  std::ostringstream lines;
  for (const auto& a : articles) {
    std::map<std::string, std::set<std::string>> keys_of;  // node id -> gold keys
    for (const auto& [key, nodes] : a.nodes_of) {
      for (const auto& n : nodes) keys_of[n].insert(key);
    }
    const Edges edges = SystemEdges(a, System::kRules, {});
    auto holds = [&](const std::string& key, const std::string& id) {
      auto it = a.nodes_of.find(key);
      return it != a.nodes_of.end() && it->second.count(id) > 0;
    };
    auto same_pair = [&](const graph::EdgeKey& k, const GoldLink& g) {
      return (holds(g.a, k.source) && holds(g.b, k.target)) || (holds(g.b, k.source) && holds(g.a, k.target));
    };
    for (const auto& g : a.gold) {
      std::string where;
      std::string sentence;
      if (a.nodes_of.at(g.a).empty() || a.nodes_of.at(g.b).empty()) {
        where = "end-missed";
      } else {
        where = "cross-sentence";
        for (const auto& s : a.sentences) {
          if (!g.paragraphs.count(s.paragraph)) continue;
          for (const auto& c : s.candidates) {
            if ((holds(g.a, c.first) && holds(g.b, c.second)) || (holds(g.a, c.second) && holds(g.b, c.first))) {
              where = "paired";
              if (sentence.empty()) sentence = s.text;
            }
          }
        }
      }
      std::string status = "not-found";
      std::string other;
      for (const auto& [k, paragraphs] : edges) {
        if (EdgeMatches(k, paragraphs, g, a.nodes_of)) {
          status = "found";
          break;
        }
        const bool in_paragraph = std::any_of(paragraphs.begin(), paragraphs.end(),
                                              [&](uint32_t p) { return g.paragraphs.count(p); });
        if (in_paragraph && same_pair(k, g) && k.relation != indexer::kCoMention) {
          status = "other-class";
          other = k.relation;
        }
      }
      ++split[where + " " + status];
      if (status != "found") {
        lines << "GOLD\t" << where << "\t" << status << (other.empty() ? "" : ":" + other) << "\t" << a.file << "\t"
              << g.a << " " << g.relation << " " << g.b << "\t" << OneLine(sentence) << "\n";
      }
    }
    for (const auto& edge : edges) {
      // Named, not structured bindings: clang (the sanitiser build) cannot
      // capture those in a lambda before C++20.
      const auto& k = edge.first;
      const auto& paragraphs = edge.second;
      const bool right = std::any_of(a.gold.begin(), a.gold.end(),
                                     [&](const GoldLink& g) { return EdgeMatches(k, paragraphs, g, a.nodes_of); });
      if (right) continue;
      std::string why;
      if (!keys_of.count(k.source) || !keys_of.count(k.target)) {
        why = "non-gold-end";
      } else {
        why = "no-gold-link";
        for (const auto& g : a.gold) {
          if (!same_pair(k, g)) continue;
          const bool in_paragraph = std::any_of(paragraphs.begin(), paragraphs.end(),
                                                [&](uint32_t p) { return g.paragraphs.count(p); });
          if (!in_paragraph) {
            if (why == "no-gold-link") why = "other-paragraph";
            continue;
          }
          why = g.relation == k.relation ? "reversed" : "other-class:" + g.relation;
          break;
        }
      }
      ++wrong_by[why.substr(0, why.find(':'))];
      std::string evidence, trigger;
      for (const auto& s : a.sentences) {
        for (const auto& l : s.rule_links) {
          if (l.source == k.source && l.relation == k.relation && l.target == k.target && evidence.empty()) {
            evidence = s.text;
            trigger = l.trigger;
          }
        }
      }
      lines << "WRONG\t" << why << "\t" << a.file << "\t" << k.source << " " << k.relation << " " << k.target
            << "\t[" << trigger << "]\t" << OneLine(evidence) << "\n";
    }
  }
  out << "gold links by where their ends are and what the rules make of them:\n";
  for (const auto& [k, n] : split) out << "  " << k << "\t" << n << "\n";
  out << "wrong links by reason:\n";
  for (const auto& [k, n] : wrong_by) out << "  " << k << "\t" << n << "\n";
  out << lines.str();
}

// Every article a sets file names, indexed and labelled.
Status LoadSets(const std::string& sets, const std::string& gazetteer, std::ostream& progress,
                std::vector<Article>* articles) {
  std::string content;
  Status s = indexer::ReadTextFile(sets, &content);
  if (!s.ok()) return s;
  std::vector<std::vector<std::string>> rows;
  s = indexer::ForEachTsvRow(sets, content, [&](const std::vector<std::string>& f, const std::string& where) {
    if (f.size() != 3) return Status::InvalidArgument(where + "expected 3 fields (text, gold entities, gold links)");
    rows.push_back({indexer::Trim(f[0]), indexer::Trim(f[1]), indexer::Trim(f[2])});
    return Status::OK();
  });
  if (!s.ok()) return s;
  if (rows.empty()) return Status::InvalidArgument(sets + ": no articles");
  articles->resize(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    progress << "reading " << rows[i][0] << std::endl;
    s = LoadArticle(rows[i][0], rows[i][1], rows[i][2], gazetteer, &(*articles)[i]);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

}  // namespace

Status RunLinkTraining(const LinkTrainingOptions& options, std::ostream& out, std::ostream& progress) {
  std::vector<Article> articles;
  Status s = LoadSets(options.sets, options.gazetteer, progress, &articles);
  if (!s.ok()) return s;
  std::vector<Article> test;
  if (!options.test.empty()) {
    s = LoadSets(options.test, options.gazetteer, progress, &test);
    if (!s.ok()) return s;
  }
  size_t candidates = 0, positives = 0;
  for (const Article& article : articles) {
    for (const auto& sentence : article.sentences) {
      for (const auto& c : sentence.candidates) {
        ++candidates;
        positives += c.label != 0;
      }
    }
  }
  out << articles.size() << " articles, " << candidates << " candidate pairs, " << positives
      << " labelled with a gold link\n";
  if (options.diagnose) Diagnose(articles, out);
  if (options.cross_validate) {
    CrossValidate(articles, out, progress);
    PerArticle(articles, options, out, progress);
  }
  if (!test.empty()) TestReport(articles, test, options, out, progress);
  if (options.cross) {
    indexer::LinkTrainOptions train;
    train.omit = options.omit;
    train.l2 = options.l2;
    if (test.empty()) {
      progress << "cross-validating links across sentences" << std::endl;
      std::vector<indexer::LinkModel> pair_models, cross_models;
      for (size_t i = 0; i < articles.size(); ++i) {
        pair_models.push_back(indexer::LinkModel::Train(Examples(articles, i), train));
        cross_models.push_back(indexer::LinkModel::Train(CrossExamples(articles, i), train));
      }
      std::vector<const indexer::LinkModel*> p, c;
      for (size_t i = 0; i < articles.size(); ++i) p.push_back(&pair_models[i]), c.push_back(&cross_models[i]);
      out << "\nleave-one-article-out";
      CrossReport(articles, p, c, options, out);
    }
    if (!test.empty()) {
      const indexer::LinkModel pair_model = indexer::LinkModel::Train(Examples(articles, articles.size()), train);
      const indexer::LinkModel cross_model =
          indexer::LinkModel::Train(CrossExamples(articles, articles.size()), train);
      out << "\ntest (sums only)";
      CrossReport(test, std::vector<const indexer::LinkModel*>(test.size(), &pair_model),
                  std::vector<const indexer::LinkModel*>(test.size(), &cross_model), options, out);
    }
  }
  if (!options.out.empty()) {
    indexer::LinkTrainOptions train;
    train.omit = options.omit;
    train.l2 = options.l2;
    train.threshold = options.threshold;
    train.veto = options.veto;
    indexer::LinkModel model = indexer::LinkModel::Train(Examples(articles, articles.size()), train);
    s = model.Save(options.out);
    if (!s.ok()) return s;
    out << "wrote " << options.out << " (" << model.feature_count() << " features, omit " << OmitText(options.omit)
        << ", l2 " << options.l2 << ", threshold " << options.threshold << ", veto " << options.veto << ")\n";
  }
  return Status::OK();
}

}  // namespace policygraph::server
