// The trained link classifier: multinomial logistic regression over the
// features of a candidate pair (link_features.h), choosing "none" or one
// relation with its direction. Small on purpose: ~17 gold articles are not
// enough for anything with more capacity, and a linear model's weights can
// be read (the model file is text, one feature and its weights a line).
//
// Model file (UTF-8 text, written by Save, read by Load):
//   policygraph-link-model 2
//   labels none cooperation enactment> enactment< ...
//   threshold 0.5
//   veto 0.9
//   omit r: w:            (feature families left out in training; may be empty)
//   features N
//   FEATURE<TAB>w_0 w_1 ... w_{labels-1}     (N lines)
//   end
// Anything else (another version, a wrong number of weights, a non-finite
// weight, fewer lines than announced, no "end") is rejected as corrupt.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "graph/status.h"

namespace policygraph::indexer {

// "none", then each relation the classifier may choose: cooperation (no
// direction) and the five directed ones twice, ">" when the earlier-named
// entity is the source, "<" when it is the target.
const std::vector<std::string>& LinkLabels();
// Index of `label` in LinkLabels(), or -1.
int LinkLabelIndex(const std::string& label);

struct LinkExample {
  std::vector<std::string> features;
  int label = 0;  // index in LinkLabels()
};

struct LinkTrainOptions {
  double l2 = 1e-3;         // weight of (1/2)·|w|² against the mean log loss
  int iterations = 300;     // full-batch AdaGrad steps
  double learning_rate = 0.5;
  // Feature families (prefixes) to leave out, e.g. {"w:"} for no words.
  std::vector<std::string> omit;
  double threshold = 0.5;   // stored with the model: see Decide()
  double veto = 1.0;        // stored with the model: see Judge(); 1 = none
};

// What the model makes of one candidate pair.
struct LinkVerdict {
  std::string label;  // as Decide(): the relation label, or "" for no link
  double none = 0;    // the probability it gives "no link"
};

class LinkModel {
 public:
  static LinkModel Train(const std::vector<LinkExample>& examples, const LinkTrainOptions& options);

  // Probability of each label, in LinkLabels() order.
  std::vector<double> Probabilities(const std::vector<std::string>& features) const;
  // The most probable relation label (not "none") if its probability is at
  // least `threshold`, else "" (no link).
  std::string Decide(const std::vector<std::string>& features, double threshold) const;
  std::string Decide(const std::vector<std::string>& features) const { return Decide(features, threshold_); }

  // Decide() at the model's threshold, and the probability of no link: a
  // caller drops a rule's link between the pair when that is at least
  // veto() (the model is sure the rule was wrong).
  LinkVerdict Judge(const std::vector<std::string>& features) const;

  double threshold() const { return threshold_; }
  void set_threshold(double t) { threshold_ = t; }
  double veto() const { return veto_; }
  size_t feature_count() const { return index_.size(); }

  std::string Serialize() const;
  static Status Parse(const std::string& text, LinkModel* out);
  Status Save(const std::string& path) const;
  static Status Load(const std::string& path, LinkModel* out);

 private:
  bool Omitted(const std::string& feature) const;

  std::vector<std::string> omit_;
  double threshold_ = 0.5;
  double veto_ = 1.0;
  std::unordered_map<std::string, size_t> index_;  // feature -> row
  std::vector<std::string> names_;                 // row -> feature
  std::vector<double> weights_;                    // row-major, LinkLabels().size() per row
};

}  // namespace policygraph::indexer
