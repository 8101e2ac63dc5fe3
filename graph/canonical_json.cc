#include "graph/canonical_json.h"

#include <charconv>

namespace policygraph::graph {

size_t PlainUtf8Prefix(std::string_view s) {
  // The byte ranges of well-formed UTF-8 (Unicode table 3-7), as nlohmann's
  // lexer checks them: a lead byte, then its continuation bytes' ranges.
  auto in = [](unsigned char b, unsigned char lo, unsigned char hi) { return b >= lo && b <= hi; };
  size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (b < 0x20 || b == '"' || b == '\\') return i;
      ++i;
      continue;
    }
    unsigned char second_lo = 0x80, second_hi = 0xBF;
    size_t length = 0;
    if (in(b, 0xC2, 0xDF)) {
      length = 2;
    } else if (b == 0xE0) {
      length = 3, second_lo = 0xA0;
    } else if (in(b, 0xE1, 0xEC) || in(b, 0xEE, 0xEF)) {
      length = 3;
    } else if (b == 0xED) {
      length = 3, second_hi = 0x9F;
    } else if (b == 0xF0) {
      length = 4, second_lo = 0x90;
    } else if (in(b, 0xF1, 0xF3)) {
      length = 4;
    } else if (b == 0xF4) {
      length = 4, second_hi = 0x8F;
    } else {
      return i;
    }
    if (s.size() - i < length || !in(static_cast<unsigned char>(s[i + 1]), second_lo, second_hi)) return i;
    for (size_t k = 2; k < length; ++k) {
      if (!in(static_cast<unsigned char>(s[i + k]), 0x80, 0xBF)) return i;
    }
    i += length;
  }
  return i;
}

bool CanonicalJsonReader::Literal(std::string_view literal) {
  if (!ok_ || rest_.substr(0, literal.size()) != literal) return Fail();
  rest_.remove_prefix(literal.size());
  return true;
}

bool CanonicalJsonReader::String(std::string* out) {
  if (!ok_ || rest_.empty() || rest_.front() != '"') return Fail();
  const std::string_view body = rest_.substr(1);
  const size_t n = PlainUtf8Prefix(body);
  // It must stop at the closing quote: an escape, a control byte or a bad
  // sequence is left to the parser.
  if (n == body.size() || body[n] != '"') return Fail();
  out->assign(body.substr(0, n));
  rest_.remove_prefix(n + 2);
  return true;
}

bool CanonicalJsonReader::StringArray(std::vector<std::string>* out) {
  out->clear();
  if (!Literal("[")) return false;
  if (!rest_.empty() && rest_.front() == ']') return Literal("]");
  do {
    if (!String(&out->emplace_back())) return false;
  } while (!rest_.empty() && rest_.front() == ',' && Literal(","));
  return Literal("]");
}

bool CanonicalJsonReader::Unsigned(uint32_t* out) {
  size_t n = 0;
  uint64_t x = 0;
  while (ok_ && n < rest_.size() && n < 11 && rest_[n] >= '0' && rest_[n] <= '9') x = x * 10 + (rest_[n++] - '0');
  if (n == 0 || (n > 1 && rest_[0] == '0') || x > UINT32_MAX) return Fail();
  *out = static_cast<uint32_t>(x);
  rest_.remove_prefix(n);
  return true;
}

bool CanonicalJsonReader::Double(double* out) {
  // digits [. digits]: the parser reads such a token with strtod, or as an
  // integer it then converts; from_chars rounds correctly as strtod does,
  // so both give the nearest double.
  auto digits = [&](size_t from) {
    size_t n = from;
    while (n < rest_.size() && rest_[n] >= '0' && rest_[n] <= '9') ++n;
    return n;
  };
  if (!ok_) return false;
  size_t n = digits(0);
  if (n == 0 || (n > 1 && rest_[0] == '0')) return Fail();
  if (n < rest_.size() && rest_[n] == '.') {
    const size_t end = digits(n + 1);
    if (end == n + 1) return Fail();
    n = end;
  }
  if (n < rest_.size() && (rest_[n] == 'e' || rest_[n] == 'E')) return Fail();
  if (n > 24) return Fail();  // past the shortest form of any double
  const auto [end, error] = std::from_chars(rest_.data(), rest_.data() + n, *out);
  if (error != std::errc() || end != rest_.data() + n) return Fail();
  rest_.remove_prefix(n);
  return true;
}

bool CanonicalJsonReader::Bool(bool* out) {
  if (ok_ && rest_.substr(0, 4) == "true") {
    *out = true;
    rest_.remove_prefix(4);
    return true;
  }
  *out = false;
  return Literal("false");
}

}  // namespace policygraph::graph
