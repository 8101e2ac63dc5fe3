#include "server/written_forms.h"

#include "indexer/search_schema.h"

namespace policygraph::server {

std::vector<std::string> WrittenForms::Of(const std::string& folded) const {
  const std::string key = search_schema::Term(search_schema::kWrittenFormsKeyPrefix, folded);
  // Xapian keeps a key's synonyms sorted and without duplicates.
  return std::vector<std::string>(db_.synonyms_begin(key), db_.synonyms_end(key));
}

}  // namespace policygraph::server
