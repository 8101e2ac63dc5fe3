// Reads JSON text exactly as nlohmann's dump() writes it (no spaces, keys in
// order, strings without escapes), without building a document: the decoders
// of the records a traversal reads by the hundred use it as a fast path, and
// fall back to the JSON parser when it fails.
//
// It accepts only text the parser reads the same way: a string holds no
// escape and no control byte and is well-formed UTF-8 (the parser rejects
// anything else, so the fallback gives the parser's answer); an unsigned
// integer has no leading zero and fits the target; a double is digits with an
// optional fraction, no sign or exponent. Anything else fails, and a failure
// sticks: every later call fails too.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace policygraph::graph {

class CanonicalJsonReader {
 public:
  explicit CanonicalJsonReader(std::string_view text) : rest_(text) {}

  // The exact bytes `literal` (punctuation and keys: `{"id":`).
  bool Literal(std::string_view literal);
  bool String(std::string* out);  // "…", quotes included
  bool StringArray(std::vector<std::string>* out);  // [] or ["…","…"]
  bool Unsigned(uint32_t* out);
  bool Double(double* out);
  bool Bool(bool* out);  // true or false
  // True when everything was read and nothing failed.
  bool Done() const { return ok_ && rest_.empty(); }

 private:
  bool Fail() { return ok_ = false; }
  std::string_view rest_;
  bool ok_ = true;
};

// Bytes [0, n) of `s` from its start that form well-formed UTF-8 as the JSON
// parser checks it, stopping at a quote, a backslash or a control byte: the
// length of the longest such prefix.
size_t PlainUtf8Prefix(std::string_view s);

}  // namespace policygraph::graph
