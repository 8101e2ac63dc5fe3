// What a search index holds, by term prefix: terms, postings (Σ term
// frequency), Σ wdf and positions (counted, not estimated: every posting's
// position list is read). The figures of docs/PERFORMANCE.md 4c and 4e:
//
//   policygraph_posting_mix DATA/search [--tsv]
//
// A term's prefix is its leading capitals (omega's convention: "XA", "Z",
// "Q"); a term starting otherwise (an exact word) has prefix "".
#include <xapian.h>

#include <cstdio>
#include <cstring>
#include <map>
#include <string>

namespace {

struct PrefixCounts {
  unsigned long long terms = 0, postings = 0, wdf = 0, positions = 0;
  unsigned long long positional_terms = 0;  // terms with at least one position
};

std::string PrefixOf(const std::string& term) {
  if (term.empty() || term[0] < 'A' || term[0] > 'Z') return "";
  // "X" starts a two-letter prefix of our own; other capitals are one letter.
  return term.substr(0, term[0] == 'X' && term.size() > 1 ? 2 : 1);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DATA/search [--tsv]\n", argv[0]);
    return 2;
  }
  const bool tsv = argc > 2 && std::strcmp(argv[2], "--tsv") == 0;
  try {
    Xapian::Database db(argv[1]);
    std::map<std::string, PrefixCounts> by_prefix;
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
      PrefixCounts& c = by_prefix[PrefixOf(*t)];
      ++c.terms;
      c.postings += t.get_termfreq();
      bool positional = false;
      for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) {
        c.wdf += p.get_wdf();
        // (PostingIterator has no positionlist_count() in Xapian 1.4.)
        unsigned long long n = 0;
        for (auto pos = p.positionlist_begin(); pos != p.positionlist_end(); ++pos) ++n;
        c.positions += n;
        positional = positional || n > 0;
      }
      if (positional) ++c.positional_terms;
    }
    PrefixCounts all;
    std::printf(tsv ? "prefix\tterms\tpositional_terms\tpostings\twdf\tpositions\n"
                    : "%-8s %10s %10s %12s %12s %12s\n",
                "prefix", "terms", "positional", "postings", "sum_wdf", "positions");
    for (const auto& [prefix, c] : by_prefix) {
      std::printf(tsv ? "%s\t%llu\t%llu\t%llu\t%llu\t%llu\n" : "%-8s %10llu %10llu %12llu %12llu %12llu\n",
                  prefix.empty() ? "(exact)" : prefix.c_str(), c.terms, c.positional_terms, c.postings, c.wdf,
                  c.positions);
      all.terms += c.terms;
      all.positional_terms += c.positional_terms;
      all.postings += c.postings;
      all.wdf += c.wdf;
      all.positions += c.positions;
    }
    std::printf(tsv ? "%s\t%llu\t%llu\t%llu\t%llu\t%llu\n" : "%-8s %10llu %10llu %12llu %12llu %12llu\n", "all",
                all.terms, all.positional_terms, all.postings, all.wdf, all.positions);
    std::printf("documents %u, total length %llu\n", db.get_doccount(),
                static_cast<unsigned long long>(db.get_total_length()));
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "%s\n", e.get_description().c_str());
    return 1;
  }
  return 0;
}
