#include "server/eval_command.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>

#include "server/eval_corpus.h"
#include "server/eval_judgments.h"
#include "server/eval_metrics.h"
#include "server/eval_report.h"
#include "server/eval_systems.h"
#include "server/work_directory.h"

namespace policygraph::server {

namespace fs = std::filesystem;

namespace {

// Every metric is @10: what a results page shows.
constexpr size_t kDepth = 10;

enum class NormalForm { kNfc, kNfd };

const char* FormName(NormalForm form) { return form == NormalForm::kNfc ? "NFC" : "NFD"; }

Status NormalizerError(UErrorCode status) {
  return Status::IOError(std::string("ICU normalizer: ") + u_errorName(status));
}

Status Normalize(NormalForm form, const std::string& text, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = form == NormalForm::kNfc
                                           ? icu::Normalizer2::getNFCInstance(status)
                                           : icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return NormalizerError(status);
  icu::UnicodeString normalized = normalizer->normalize(icu::UnicodeString::fromUTF8(text), status);
  if (U_FAILURE(status)) return NormalizerError(status);
  out->clear();
  normalized.toUTF8String(*out);
  return Status::OK();
}

// 245000 -> "245,000", for progress lines read by people.
std::string WithThousands(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

// 12.3456 -> "12.3 s".
std::string Seconds(double seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", seconds);
  return buf;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}


struct FormQueries {
  NormalForm form;
  std::vector<std::string> text;  // parallel to the judged queries
};

Status RunSystem(SearchSystem& system, const EvalCorpus& corpus,
                 const std::vector<JudgedQuery>& judged, const std::vector<FormQueries>& forms,
                 std::ostream& progress, std::vector<EvalRun>* runs) {
  progress << "indexing " << WithThousands(corpus.documents.size()) << " lines with "
           << system.name() << "…" << std::endl;
  const auto index_start = std::chrono::steady_clock::now();
  Status s = system.Index(corpus.documents);
  if (!s.ok()) return s;
  const double index_seconds = SecondsSince(index_start);
  progress << system.name() << ": indexed in " << Seconds(index_seconds) << std::endl;

  for (const auto& form : forms) {
    progress << "searching " << judged.size() << " " << FormName(form.form) << " queries with "
             << system.name() << "…" << std::endl;
    EvalRun run;
    run.system = system.name();
    run.form = FormName(form.form);
    run.documents = corpus.documents.size();
    run.index_seconds = index_seconds;
    std::vector<QueryScores> scores;
    const auto search_start = std::chrono::steady_clock::now();
    for (size_t i = 0; i < judged.size(); ++i) {
      RankedQuery q;
      q.qid = judged[i].qid;
      q.query = form.text[i];
      s = system.Search(q.query, kDepth, &q.top);
      if (s.IsInvalidArgument()) {
        q.top.clear();
        q.rejection = s.message();
      } else if (!s.ok()) {
        return s;
      }
      for (const auto& id : q.top) {
        auto it = judged[i].grades.find(id);
        q.grades.push_back(it == judged[i].grades.end() ? -1 : it->second);
      }
      q.scores = ScoreQuery(kDepth, q.top, judged[i].grades);
      scores.push_back(q.scores);
      run.queries.push_back(std::move(q));
    }
    run.ms_per_query = judged.empty() ? 0 : SecondsSince(search_start) * 1000 / judged.size();
    run.mean = MeanScores(scores);
    runs->push_back(std::move(run));
  }
  return Status::OK();
}

}  // namespace

Status RunEval(const EvalOptions& options, std::ostream& out, std::ostream& progress) {
  std::vector<JudgedQuery> judged;
  Status s = LoadJudgments(options.queries_file, &judged);
  if (!s.ok()) return s;
  EvalCorpus corpus;
  s = LoadEvalCorpus(options.corpus_dir, options.only, &corpus);
  if (!s.ok()) return s;

  EvalReport report;
  report.corpus_dir = options.corpus_dir;
  report.only = options.only;
  report.files = corpus.files;
  report.documents = corpus.documents.size();
  report.queries_file = options.queries_file;
  report.depth = kDepth;
  report.detail_system = "policygraph";
  report.detail_form = FormName(NormalForm::kNfc);

  // A judged id the corpus lacks means the line numbering drifted from the
  // judgments' (or --only cut the document away): say so before any figure.
  std::set<std::string> ids;
  for (const auto& d : corpus.documents) ids.insert(d.id);
  for (const auto& q : judged) {
    for (const auto& [id, grade] : q.grades) {
      ++report.judgments;
      if (ids.count(id) == 0) ++report.judged_not_in_corpus;
    }
  }
  if (report.judged_not_in_corpus > 0) {
    progress << "warning: " << report.judged_not_in_corpus << " of " << report.judgments
             << " judged documents are not in the corpus" << std::endl;
  }

  std::vector<FormQueries> forms = {{NormalForm::kNfc, {}}, {NormalForm::kNfd, {}}};
  for (auto& form : forms) {
    for (const auto& q : judged) {
      std::string text;
      s = Normalize(form.form, q.query, &text);
      if (!s.ok()) return s;
      form.text.push_back(std::move(text));
    }
  }

  WorkDirectory work;
  s = work.Open(options.work_dir);
  if (!s.ok()) return s;
  std::vector<std::unique_ptr<SearchSystem>> systems;
  if (options.policygraph_data.empty()) {
    systems.push_back(MakePolicygraphSystem(work.path(), options.gazetteer, options.glossary, &progress));
  } else {
    systems.push_back(MakeExistingPolicygraphSystem(options.policygraph_data));
  }
  systems.push_back(MakeXapianDefaultSystem(work.path()));
  systems.push_back(MakeSqliteFts5System(work.path()));

  std::vector<EvalRun> runs;
  for (auto& system : systems) {
    s = RunSystem(*system, corpus, judged, forms, progress, &runs);
    if (!s.ok()) return s;
  }
  // Rows grouped by form: the NFC block, then the NFD block.
  for (const auto& form : forms) {
    for (const auto& run : runs) {
      if (run.form == FormName(form.form)) report.runs.push_back(run);
    }
  }
  if (!work.temporary()) report.kept_work_dir = work.path();

  if (options.as_json) {
    out << EvalReportToJson(report).dump(2) << "\n";
  } else {
    PrintEvalReport(report, out);
  }
  return Status::OK();
}

}  // namespace policygraph::server
