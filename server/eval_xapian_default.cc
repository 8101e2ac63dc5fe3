// Xapian as it comes: the default TermGenerator and QueryParser with the
// English stemmer, configured as ../shared/eval/README.md measured it, so
// that our figures are set against what a user gets from Xapian untuned.
#include <xapian.h>

#include <filesystem>

#include "server/eval_systems.h"

namespace policygraph::server {

namespace fs = std::filesystem;

namespace {

class XapianDefaultSystem : public SearchSystem {
 public:
  explicit XapianDefaultSystem(const std::string& work_dir)
      : dir_((fs::path(work_dir) / "xapian-default").string()), stemmer_("english") {}

  std::string name() const override { return "xapian-default"; }

  Status Index(const std::vector<EvalDocument>& documents) override {
    std::error_code ec;
    if (fs::exists(dir_, ec)) {
      return Status::InvalidArgument(dir_ + " already exists; remove it or choose another --work");
    }
    try {
      Xapian::WritableDatabase db(dir_, Xapian::DB_CREATE);
      Xapian::TermGenerator generator;
      generator.set_stemmer(stemmer_);
      for (const auto& d : documents) {
        Xapian::Document xdoc;
        generator.set_document(xdoc);
        generator.index_text(d.text);
        xdoc.set_data(d.id);
        // Appended rather than "Q" + id: GCC 12 warns falsely (-Wrestrict) on
        // `const char* + std::string&&`.
        std::string id_term("Q");
        id_term.append(d.id);
        xdoc.add_boolean_term(id_term);
        db.add_document(xdoc);  // ids are unique: one line, one document
      }
      db.commit();
      db_ = std::make_unique<Xapian::Database>(dir_);
    } catch (const Xapian::Error& e) {
      return Status::IOError("xapian-default index at " + dir_ + ": " + e.get_description());
    }
    return Status::OK();
  }

  Status Search(const std::string& query, size_t k, std::vector<std::string>* ids) override {
    ids->clear();
    if (!db_) return Status::IOError("xapian-default: Search() before Index()");
    try {
      Xapian::QueryParser parser;
      parser.set_stemmer(stemmer_);
      parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
      // The default operator stays OR, Xapian's default.
      Xapian::Query parsed = parser.parse_query(query, Xapian::QueryParser::FLAG_DEFAULT);
      Xapian::Enquire enquire(*db_);
      enquire.set_query(parsed);
      Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(k));
      for (auto it = mset.begin(); it != mset.end(); ++it)
        ids->push_back(it.get_document().get_data());
    } catch (const Xapian::QueryParserError& e) {
      return Status::InvalidArgument("xapian-default cannot parse the query: " + e.get_msg());
    } catch (const Xapian::Error& e) {
      return Status::IOError("xapian-default index at " + dir_ + ": " + e.get_description());
    }
    return Status::OK();
  }

 private:
  std::string dir_;
  Xapian::Stem stemmer_;
  std::unique_ptr<Xapian::Database> db_;
};

}  // namespace

std::unique_ptr<SearchSystem> MakeXapianDefaultSystem(const std::string& work_dir) {
  return std::make_unique<XapianDefaultSystem>(work_dir);
}

}  // namespace policygraph::server
