#include "indexer/link_model.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace policygraph::indexer {

namespace {

constexpr char kHeader[] = "policygraph-link-model 2";

std::vector<std::string> Words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

// Softmax of `scores` in place.
void Softmax(std::vector<double>* scores) {
  const double top = *std::max_element(scores->begin(), scores->end());
  double sum = 0;
  for (double& s : *scores) sum += (s = std::exp(s - top));
  for (double& s : *scores) s /= sum;
}

}  // namespace

const std::vector<std::string>& LinkLabels() {
  static const std::vector<std::string> kLabels = {
      "none",         "cooperation",  "enactment>",  "enactment<", "participation>", "participation<",
      "investment>",  "investment<",  "membership>", "membership<", "basis>",         "basis<"};
  return kLabels;
}

int LinkLabelIndex(const std::string& label) {
  const auto& labels = LinkLabels();
  auto it = std::find(labels.begin(), labels.end(), label);
  return it == labels.end() ? -1 : static_cast<int>(it - labels.begin());
}

bool LinkModel::Omitted(const std::string& feature) const {
  return std::any_of(omit_.begin(), omit_.end(), [&](const std::string& p) { return feature.rfind(p, 0) == 0; });
}

LinkModel LinkModel::Train(const std::vector<LinkExample>& examples, const LinkTrainOptions& options) {
  const size_t labels = LinkLabels().size();
  LinkModel m;
  m.omit_ = options.omit;
  m.threshold_ = options.threshold;
  m.veto_ = options.veto;
  // Each example as the rows of its features.
  std::vector<std::vector<size_t>> rows(examples.size());
  for (size_t i = 0; i < examples.size(); ++i) {
    for (const auto& f : examples[i].features) {
      if (m.Omitted(f)) continue;
      auto [it, added] = m.index_.emplace(f, m.names_.size());
      if (added) m.names_.push_back(f);
      rows[i].push_back(it->second);
    }
  }
  m.weights_.assign(m.names_.size() * labels, 0.0);
  if (examples.empty()) return m;

  // Full-batch gradient descent with AdaGrad step sizes: the data are small
  // (a few thousand pairs), so every step sees all of them and the result
  // does not depend on an example order.
  std::vector<double> gradient(m.weights_.size()), history(m.weights_.size(), 0.0), p(labels);
  const double n = static_cast<double>(examples.size());
  for (int step = 0; step < options.iterations; ++step) {
    for (size_t k = 0; k < m.weights_.size(); ++k) gradient[k] = options.l2 * m.weights_[k];
    for (size_t i = 0; i < examples.size(); ++i) {
      std::fill(p.begin(), p.end(), 0.0);
      for (size_t r : rows[i]) {
        for (size_t c = 0; c < labels; ++c) p[c] += m.weights_[r * labels + c];
      }
      Softmax(&p);
      p[examples[i].label] -= 1.0;  // d(-log p_y)/d score_c = p_c - [c == y]
      for (size_t r : rows[i]) {
        for (size_t c = 0; c < labels; ++c) gradient[r * labels + c] += p[c] / n;
      }
    }
    for (size_t k = 0; k < m.weights_.size(); ++k) {
      history[k] += gradient[k] * gradient[k];
      if (history[k] > 0) m.weights_[k] -= options.learning_rate * gradient[k] / std::sqrt(history[k]);
    }
  }
  return m;
}

std::vector<double> LinkModel::Probabilities(const std::vector<std::string>& features) const {
  const size_t labels = LinkLabels().size();
  std::vector<double> p(labels, 0.0);
  for (const auto& f : features) {
    auto it = index_.find(f);
    if (it == index_.end()) continue;  // unseen in training, or omitted
    for (size_t c = 0; c < labels; ++c) p[c] += weights_[it->second * labels + c];
  }
  Softmax(&p);
  return p;
}

namespace {

// The likeliest relation label when its probability reaches `threshold`.
std::string Likeliest(const std::vector<double>& p, double threshold) {
  size_t best = 1;
  for (size_t c = 2; c < p.size(); ++c) {
    if (p[c] > p[best]) best = c;
  }
  return p[best] >= threshold ? LinkLabels()[best] : "";
}

}  // namespace

std::string LinkModel::Decide(const std::vector<std::string>& features, double threshold) const {
  return Likeliest(Probabilities(features), threshold);
}

LinkVerdict LinkModel::Judge(const std::vector<std::string>& features) const {
  const std::vector<double> p = Probabilities(features);
  return {Likeliest(p, threshold_), p[0]};
}

std::string LinkModel::Serialize() const {
  const size_t labels = LinkLabels().size();
  std::ostringstream out;
  out.precision(9);
  out << kHeader << "\nlabels";
  for (const auto& l : LinkLabels()) out << ' ' << l;
  out << "\nthreshold " << threshold_ << "\nveto " << veto_ << "\nomit";
  for (const auto& o : omit_) out << ' ' << o;
  // Features whose weights are all but zero are dropped: they change no
  // decision and would only lengthen the file.
  std::vector<size_t> kept;
  for (size_t r = 0; r < names_.size(); ++r) {
    for (size_t c = 0; c < labels; ++c) {
      if (std::abs(weights_[r * labels + c]) > 1e-6) {
        kept.push_back(r);
        break;
      }
    }
  }
  std::sort(kept.begin(), kept.end(), [&](size_t a, size_t b) { return names_[a] < names_[b]; });
  out << "\nfeatures " << kept.size() << "\n";
  for (size_t r : kept) {
    out << names_[r] << '\t';
    for (size_t c = 0; c < labels; ++c) out << (c ? " " : "") << weights_[r * labels + c];
    out << '\n';
  }
  out << "end\n";
  return out.str();
}

Status LinkModel::Parse(const std::string& text, LinkModel* out) {
  const size_t labels = LinkLabels().size();
  std::istringstream in(text);
  std::string line;
  size_t line_no = 0;
  auto bad = [&](const std::string& why) {
    return Status::Corruption("link model, line " + std::to_string(line_no) + ": " + why);
  };
  auto next = [&]() {
    ++line_no;
    return static_cast<bool>(std::getline(in, line));
  };
  LinkModel m;
  if (!next() || line != kHeader) return bad(std::string("expected \"") + kHeader + "\"");
  if (!next()) return bad("expected labels");
  std::vector<std::string> words = Words(line);
  if (words.empty() || words[0] != "labels" ||
      std::vector<std::string>(words.begin() + 1, words.end()) != LinkLabels()) {
    return bad("labels differ from this build's");
  }
  // "NAME p" with p a probability: the threshold, then the veto.
  auto probability = [&](const std::string& name, double* out) -> Status {
    if (!next()) return bad("expected " + name);
    const std::vector<std::string> w = Words(line);
    if (w.size() != 2 || w[0] != name) return bad("expected " + name);
    try {
      *out = std::stod(w[1]);
    } catch (...) {
      return bad(name + " is not a number");
    }
    if (!(*out >= 0 && *out <= 1)) return bad(name + " outside [0, 1]");
    return Status::OK();
  };
  Status s = probability("threshold", &m.threshold_);
  if (s.ok()) s = probability("veto", &m.veto_);
  if (!s.ok()) return s;
  if (!next()) return bad("expected omit");
  words = Words(line);
  if (words.empty() || words[0] != "omit") return bad("expected omit");
  m.omit_.assign(words.begin() + 1, words.end());
  if (!next()) return bad("expected features");
  words = Words(line);
  size_t count = 0;
  try {
    if (words.size() != 2 || words[0] != "features") return bad("expected features N");
    count = std::stoul(words[1]);
  } catch (...) {
    return bad("feature count is not a number");
  }
  for (size_t k = 0; k < count; ++k) {
    if (!next()) return bad("file ends after " + std::to_string(k) + " of " + std::to_string(count) + " features");
    const size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0) return bad("expected FEATURE<TAB>weights");
    std::string name = line.substr(0, tab);
    words = Words(line.substr(tab + 1));
    if (words.size() != labels) return bad("expected " + std::to_string(labels) + " weights");
    if (!m.index_.emplace(name, m.names_.size()).second) return bad("feature '" + name + "' repeated");
    m.names_.push_back(name);
    for (const auto& w : words) {
      double v = 0;
      try {
        size_t used = 0;
        v = std::stod(w, &used);
        if (used != w.size()) throw std::invalid_argument(w);
      } catch (...) {
        return bad("weight '" + w + "' is not a number");
      }
      if (!std::isfinite(v)) return bad("weight is not finite");
      m.weights_.push_back(v);
    }
  }
  if (!next() || line != "end") return bad("expected \"end\" after the features");
  *out = std::move(m);
  return Status::OK();
}

// Written beside the target and renamed over it: a failed or interrupted
// save leaves the model that was there.
Status LinkModel::Save(const std::string& path) const {
  const std::string part = path + ".part";
  std::ofstream f(part, std::ios::binary | std::ios::trunc);
  if (!f) return Status::IOError("cannot write " + part);
  f << Serialize();
  f.close();
  std::error_code ec;
  if (!f) {
    std::filesystem::remove(part, ec);
    return Status::IOError("cannot write " + part);
  }
  std::filesystem::rename(part, path, ec);
  if (ec) {
    std::filesystem::remove(part, ec);
    return Status::IOError("cannot replace " + path + ": " + ec.message());
  }
  return Status::OK();
}

Status LinkModel::Load(const std::string& path, LinkModel* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return Status::IOError("cannot read link model " + path);
  std::ostringstream text;
  text << f.rdbuf();
  Status s = Parse(text.str(), out);
  if (!s.ok()) return Status::Corruption(path + ": " + s.message());
  return Status::OK();
}

}  // namespace policygraph::indexer
