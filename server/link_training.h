// `policygraph train-links`: trains the link classifier (indexer/
// link_model.h) on the gold articles and measures it by leave-one-article-
// out cross-validation.
//
// Each article is indexed on its own, as `eval-graph` does; every sentence's
// candidate pairs (indexer/link_features.h) are labelled from the gold links
// with eval-graph's matching (server/graph_gold.h): a pair is a positive for
// a gold link when its two entities are nodes holding the link's two ends and
// the sentence lies in one of the link's paragraphs. Links are then scored
// exactly as eval-graph scores them, summed over the articles (micro P/R),
// for three systems:
// - rules: the hand-written rules alone (what the indexer ships);
// - classifier: the model decides every candidate pair; the rules' links
//   between entities it cannot see as a pair (one named inside another's
//   name, "các luật trên") are kept;
// - union: the rules' links plus the classifier's;
// - vetoed union: the union less the rules' links the classifier is sure
//   are wrong (probability of "none" at least `veto`).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "graph/status.h"

namespace policygraph::server {

struct LinkTrainingOptions {
  // TSV, one article a line: text file, gold entities, gold links (paths
  // relative to the working directory; '#' comments).
  std::string sets;
  std::string out;  // where to write the model trained on every article; "" = nowhere
  bool cross_validate = false;
  // Print each gold link the rules miss and each wrong link, with why.
  // Default: false.
  bool diagnose = false;
  // Measure links across neighbouring sentences (cross_sentence_
  // features.h): on `test` when there is one, else by leave-one-article-out
  // cross-validation over `sets`.
  bool cross = false;
  // Articles no rule or model was fitted on (same format as `sets`): the
  // model trained on every article of `sets` (omit, l2, threshold as below)
  // decides their candidates, and only the sum over them is printed (rules,
  // classifier, union; all, vi, en; by relation), so a held-out set stays
  // unread. "" = none.
  std::string test;
  std::string gazetteer = "corpus/gazetteer";
  // The model written to `out`: feature families left out, L2, threshold.
  std::vector<std::string> omit;
  double l2 = 1e-3;
  double threshold = 0.5;
  // The "vetoed union": the union less the rules' links between a pair the
  // classifier finds unlinked with at least this probability.
  double veto = 0.9;
};

Status RunLinkTraining(const LinkTrainingOptions& options, std::ostream& out, std::ostream& progress);

}  // namespace policygraph::server
