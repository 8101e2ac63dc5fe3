// Micro-benchmarks (issue 6): throughput of the indexer's text stages and the
// cost of the graph key codec and the query parser. Built only with
// -DPOLICYGRAPH_BUILD_BENCHMARKS=ON; figures go to docs/PERFORMANCE.md.
//
// Text comes from the shared corpus at run time, one passage per line as the
// indexer sees them: ../shared/corpus/vi/laws and ../shared/corpus/en/laws
// (POLICYGRAPH_SHARED_CORPUS overrides the corpus directory). When it is
// absent the text benchmarks are skipped with a message saying so; the codec
// and parser benchmarks still run. POLICYGRAPH_BENCH_SAMPLE_MB (default 2)
// caps how much text per language is loaded, files in name order.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph_types.h"
#include "graph/key_codec.h"
#include "indexer/analyzer.h"
#include "indexer/dates.h"
#include "indexer/document.h"
#include "indexer/document_links.h"
#include "indexer/entity_discovery.h"
#include "indexer/entity_matcher.h"
#include "indexer/gazetteer.h"
#include "indexer/link_model.h"
#include "indexer/passages.h"
#include "server/query_parser.h"

namespace fs = std::filesystem;
using namespace policygraph;

namespace {

std::string SharedCorpusDir() {
  if (const char* env = std::getenv("POLICYGRAPH_SHARED_CORPUS")) return env;
  return std::string(POLICYGRAPH_SOURCE_DIR) + "/../shared/corpus";
}

size_t SampleBytes() {
  double mb = 2;
  if (const char* env = std::getenv("POLICYGRAPH_BENCH_SAMPLE_MB")) mb = std::atof(env);
  return static_cast<size_t>(std::max(0.01, mb) * 1024 * 1024);
}

// Non-empty lines of the sorted .txt/.md files under `dir`, up to `cap` bytes.
struct Sample {
  std::vector<std::string> lines;
  size_t bytes = 0;
  std::string why_empty;
};

Sample LoadSample(const std::string& subdir) {
  Sample s;
  const fs::path dir = fs::path(SharedCorpusDir()) / subdir;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    s.why_empty = "skipped: shared corpus not found at " + dir.string() +
                  " (set POLICYGRAPH_SHARED_CORPUS)";
    return s;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const auto ext = e.path().extension();
    if (e.is_regular_file() && (ext == ".txt" || ext == ".md")) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  const size_t cap = SampleBytes();
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      s.bytes += line.size();
      s.lines.push_back(std::move(line));
      if (s.bytes >= cap) return s;
    }
  }
  if (s.lines.empty()) s.why_empty = "skipped: no text under " + dir.string();
  return s;
}

const Sample& Vietnamese() {
  static const Sample s = LoadSample("vi/laws");
  return s;
}
const Sample& English() {
  static const Sample s = LoadSample("en/laws");
  return s;
}
const Sample& ByLang(int lang) { return lang == 0 ? Vietnamese() : English(); }
const char* LangLabel(int lang) { return lang == 0 ? "vi" : "en"; }

const indexer::Analyzer& TheAnalyzer() {
  static const indexer::Analyzer a;
  return a;
}

const std::vector<graph::Node>& Gazetteer() {
  static const std::vector<graph::Node> nodes = [] {
    std::vector<graph::Node> n;
    Status st = indexer::LoadGazetteer(std::string(POLICYGRAPH_SOURCE_DIR) + "/corpus/gazetteer", &n);
    if (!st.ok()) {
      std::cerr << "gazetteer: " << st.message() << "\n";
      std::exit(1);
    }
    return n;
  }();
  return nodes;
}

// Skips the benchmark (with the reason) when the sample is empty.
bool Ready(benchmark::State& state, const Sample& s) {
  if (s.lines.empty()) {
    state.SkipWithError(s.why_empty.c_str());
    return false;
  }
  state.SetLabel(std::string(LangLabel(static_cast<int>(state.range(0)))) + " " +
                 std::to_string(s.lines.size()) + " lines " +
                 std::to_string(s.bytes / 1024) + " KiB");
  return true;
}

void Done(benchmark::State& state, const Sample& s) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(s.bytes));
  state.counters["lines/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * static_cast<double>(s.lines.size()),
      benchmark::Counter::kIsRate);
}

// --- text stages, one passage (line) at a time as the indexer does ---------

void BM_AnalyzerTokenize(benchmark::State& state) {
  const Sample& s = ByLang(static_cast<int>(state.range(0)));
  if (!Ready(state, s)) return;
  const auto& a = TheAnalyzer();
  for (auto _ : state) {
    for (const auto& line : s.lines) benchmark::DoNotOptimize(a.Tokenize(line));
  }
  Done(state, s);
}
BENCHMARK(BM_AnalyzerTokenize)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_AnalyzerSentences(benchmark::State& state) {
  const Sample& s = ByLang(static_cast<int>(state.range(0)));
  if (!Ready(state, s)) return;
  const auto& a = TheAnalyzer();
  for (auto _ : state) {
    for (const auto& line : s.lines) benchmark::DoNotOptimize(a.Sentences(line));
  }
  Done(state, s);
}
BENCHMARK(BM_AnalyzerSentences)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// The matcher alone: tokens are computed once, outside the timed loop.
void BM_EntityMatcher(benchmark::State& state) {
  const Sample& s = ByLang(static_cast<int>(state.range(0)));
  if (!Ready(state, s)) return;
  const auto& a = TheAnalyzer();
  const indexer::EntityMatcher matcher(a, Gazetteer());
  std::vector<std::vector<indexer::Token>> tokens;
  tokens.reserve(s.lines.size());
  for (const auto& line : s.lines) tokens.push_back(a.Tokenize(line));
  size_t mentions = 0;
  for (auto _ : state) {
    mentions = 0;
    for (size_t i = 0; i < s.lines.size(); ++i) {
      auto m = matcher.Find(s.lines[i], tokens[i]);
      mentions += m.size();
      benchmark::DoNotOptimize(m);
    }
  }
  Done(state, s);
  state.counters["patterns"] = static_cast<double>(matcher.pattern_count());
  state.counters["mentions"] = static_cast<double>(mentions);
}
BENCHMARK(BM_EntityMatcher)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// The matcher after discovery over a large corpus: the gazetteer plus
// range(1) names sharing the first words of real names ("Luật …", "Bộ …",
// "the … Act"), as a million documents' discovery makes. A lookup's cost
// should not grow with them (indexer/entity_matcher.h: the trie).
void BM_EntityMatcherManyNames(benchmark::State& state) {
  const Sample& s = ByLang(static_cast<int>(state.range(0)));
  if (!Ready(state, s)) return;
  const auto& a = TheAnalyzer();
  std::vector<graph::Node> nodes = Gazetteer();
  const std::vector<std::string> syllables = {"An", "Bình", "Cao", "Dân", "Đất", "Giá", "Hải", "Khí", "Lao",
                                              "Minh", "Nông", "Phát", "Quân", "Sản", "Tài", "Văn", "Xây",
                                              "Y", "Đô", "Thương"};
  const std::vector<std::string> words = {"Data", "Cyber", "Trade", "Energy", "Port", "Digital", "Health",
                                          "Water", "Space", "Labour", "Tax", "Bank", "Forest", "Ocean",
                                          "Mineral", "Transport", "Tourism", "Culture", "Defence", "Finance"};
  const size_t wanted = static_cast<size_t>(state.range(1));
  for (size_t i = 0; nodes.size() < Gazetteer().size() + wanted; ++i) {
    const size_t x = i % 20, y = (i / 20) % 20, z = (i / 400) % 20, head = i / 8000;
    graph::Node n;
    n.id = "synthetic-" + std::to_string(i);
    n.type = "law";
    if (head % 3 == 0) n.names_vi = {"Luật " + syllables[x] + " " + syllables[y] + " " + syllables[z] + " " +
                                     std::to_string(head)};
    if (head % 3 == 1) n.names_vi = {"Bộ " + syllables[x] + " " + syllables[y] + " " + syllables[z] + " " +
                                     std::to_string(head)};
    if (head % 3 == 2) n.names_en = {"the " + words[x] + " " + words[y] + " " + words[z] + " Act " +
                                     std::to_string(head)};
    nodes.push_back(std::move(n));
  }
  const indexer::EntityMatcher matcher(a, nodes);
  std::vector<std::vector<indexer::Token>> tokens;
  tokens.reserve(s.lines.size());
  for (const auto& line : s.lines) tokens.push_back(a.Tokenize(line));
  for (auto _ : state) {
    for (size_t i = 0; i < s.lines.size(); ++i) benchmark::DoNotOptimize(matcher.Find(s.lines[i], tokens[i]));
  }
  Done(state, s);
  state.counters["patterns"] = static_cast<double>(matcher.pattern_count());
}
BENCHMARK(BM_EntityMatcherManyNames)
    ->Args({0, 100000})
    ->Args({1, 100000})
    ->Unit(benchmark::kMillisecond);

void BM_FindDates(benchmark::State& state) {
  const Sample& s = ByLang(static_cast<int>(state.range(0)));
  if (!Ready(state, s)) return;
  size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (const auto& line : s.lines) {
      auto d = indexer::FindDates(line, "2022");
      found += d.size();
      benchmark::DoNotOptimize(d);
    }
  }
  Done(state, s);
  state.counters["dates"] = static_cast<double>(found);
}
BENCHMARK(BM_FindDates)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_DiscoverNames(benchmark::State& state) {
  const Sample& s = ByLang(static_cast<int>(state.range(0)));
  if (!Ready(state, s)) return;
  const auto& a = TheAnalyzer();
  size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (const auto& line : s.lines) {
      auto d = indexer::DiscoverNames(line, a);
      found += d.size();
      benchmark::DoNotOptimize(d);
    }
  }
  Done(state, s);
  state.counters["names"] = static_cast<double>(found);
}
BENCHMARK(BM_DiscoverNames)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Typed links of a document (indexer/document_links.h), on the bundled
// corpus (corpus/documents/{vi,en}: partnership news, dense in entities,
// unlike the laws): each file's tokens, mentions, passages and sentences are
// made outside the timed loop. range(1): 0 the rules alone, 1 with the
// shipped link classifier (corpus/models/links.model) beside them.
void BM_DocumentLinks(benchmark::State& state) {
  const auto& a = TheAnalyzer();
  const std::string lang = LangLabel(static_cast<int>(state.range(0)));
  struct Prepared {
    indexer::SourceDocument doc;
    std::vector<indexer::Token> tokens;
    std::vector<indexer::EntityMention> mentions;
    std::vector<indexer::Passage> passages;
    std::vector<indexer::SentenceSpan> sentences;
  };
  const indexer::EntityMatcher matcher(a, Gazetteer());
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(POLICYGRAPH_SOURCE_DIR) / "corpus" / "documents" / lang)) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Prepared> docs(files.size());
  size_t bytes = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    Prepared& p = docs[i];
    Status st = indexer::LoadDocument(files[i].string(), &p.doc);
    if (!st.ok()) {
      state.SkipWithError(st.message().c_str());
      return;
    }
    p.tokens = a.Tokenize(p.doc.body);
    p.mentions = matcher.Find(p.doc.body, p.tokens);
    p.passages = indexer::SplitPassages(p.doc.body, a);
    p.sentences = a.Sentences(p.doc.body);
    bytes += p.doc.body.size();
  }
  indexer::DocumentLinker linker(a, matcher, Gazetteer());
  indexer::LinkModel model;
  if (state.range(1) == 1) {
    Status st = indexer::LinkModel::Load(std::string(POLICYGRAPH_SOURCE_DIR) + "/corpus/models/links.model", &model);
    if (!st.ok()) {
      state.SkipWithError(st.message().c_str());
      return;
    }
    linker.set_link_model(&model);
  }
  size_t typed = 0;
  for (auto _ : state) {
    typed = 0;
    for (const auto& p : docs) {
      graph::DocumentContribution c = linker.Extract(p.doc, p.tokens, p.mentions, p.passages, p.sentences);
      for (const auto& [key, evidence] : c.evidence) typed += key.relation != "co_mention";
      benchmark::DoNotOptimize(c);
    }
  }
  state.SetLabel(lang + (state.range(1) == 1 ? " rules and model, " : " rules, ") + std::to_string(docs.size()) +
                 " documents " + std::to_string(bytes / 1024) + " KiB");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
  state.counters["typed_evidence"] = static_cast<double>(typed);
}
BENCHMARK(BM_DocumentLinks)->Args({0, 0})->Args({0, 1})->Args({1, 0})->Args({1, 1})->Unit(benchmark::kMillisecond);

// --- graph key codec --------------------------------------------------------

// An edge key as the graph writes them: source, relation, target, doc number.
void BM_KeyEncodeEdge(benchmark::State& state) {
  const std::string src = "european-union", rel = "cooperation", dst = "d-luat-an-ninh-mang";
  uint64_t n = 0;
  for (auto _ : state) {
    graph::KeyBuilder b;
    b.AddString(src).AddString(rel).AddString(dst).AddU64(n++);
    benchmark::DoNotOptimize(b.key());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_KeyEncodeEdge);

void BM_KeyDecodeEdge(benchmark::State& state) {
  graph::KeyBuilder b;
  b.AddString("european-union").AddString("cooperation").AddString("d-luat-an-ninh-mang").AddU64(42);
  const std::string key = b.Take();
  for (auto _ : state) {
    graph::KeyReader r(key);
    auto s1 = r.ReadString();
    auto s2 = r.ReadString();
    auto s3 = r.ReadString();
    auto n = r.ReadU64();
    benchmark::DoNotOptimize(s1);
    benchmark::DoNotOptimize(s2);
    benchmark::DoNotOptimize(s3);
    benchmark::DoNotOptimize(n);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_KeyDecodeEdge);

// Strings full of bytes that need escaping (worst case for the codec).
void BM_KeyEncodeEscapes(benchmark::State& state) {
  const std::string s(64, '\0');
  for (auto _ : state) {
    graph::KeyBuilder b;
    b.AddString(s).AddU32(7);
    benchmark::DoNotOptimize(b.key());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_KeyEncodeEscapes);

// --- query parsing ------------------------------------------------------------

const std::vector<std::string>& Queries() {
  static const std::vector<std::string> q = {
      "an ninh mạng",
      "an ninh mang",
      "\"dữ liệu cá nhân\"",
      "cybersecurity",
      "China OR \"Trung Quốc\"",
      "chuyển đổ*",
      "bảo vệ dữ liệu lang:vi year:2020..2023 -type:news",
      "title:\"an ninh\" entity:china",
      "personal data protection -\"draft\"",
      "Hiệp định Đối tác Toàn diện và Tiến bộ xuyên Thái Bình Dương",
  };
  return q;
}

void BM_ParseQuery(benchmark::State& state) {
  const auto& a = TheAnalyzer();
  const std::string& q = Queries()[static_cast<size_t>(state.range(0))];
  state.SetLabel(q);
  for (auto _ : state) {
    server::ParsedQuery parsed;
    Status st = server::ParseQuery(a, q, &parsed);
    if (!st.ok()) {
      state.SkipWithError(st.message().c_str());
      return;
    }
    benchmark::DoNotOptimize(parsed);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseQuery)->DenseRange(0, 9);

}  // namespace

BENCHMARK_MAIN();
