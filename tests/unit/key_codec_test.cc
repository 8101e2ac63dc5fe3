// graph::KeyBuilder / KeyReader: the order-preserving key encoding every
// RocksDB prefix scan of the graph depends on. The properties checked here
// are the ones stated in key_codec.h: round trip, byte order == field order,
// prefix of fields == byte prefix, and no crash on malformed keys.

#include "graph/key_codec.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace policygraph::graph {
namespace {

using namespace std::string_literals;  // "a\0b"s keeps the NUL

// Strings chosen around the escape bytes (0x00, 0x01, 0xFF), prefixes of one
// another, and UTF-8.
const std::vector<std::string>& Strings() {
  static const std::vector<std::string> kStrings = {
      ""s,       "\0"s,    "\0\0"s,  "\0\x01"s, "\0\xff"s, "\x01"s,    "a"s,
      "a\0"s,    "a\0b"s,  "a\x01"s, "ab"s,     "abc"s,    "b"s,       "\xff"s,
      "\xff\xff"s, "mạng"s, "mang"s,  "\xff\0"s,
  };
  return kStrings;
}

std::string Encode(const std::vector<std::string>& fields) {
  KeyBuilder b;
  for (const auto& f : fields) b.AddString(f);
  return b.Take();
}

int Sign(int v) { return (v > 0) - (v < 0); }

// Renders bytes as an escaped literal for failure messages.
std::string Show(const std::string& s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7f && c != '\\' && c != '"') {
      out.push_back(static_cast<char>(c));
    } else {
      out += "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out + "\"";
}

std::string Show(const std::vector<std::string>& fields) {
  std::string out = "(";
  for (size_t i = 0; i < fields.size(); ++i) out += (i ? ", " : "") + Show(fields[i]);
  return out + ")";
}

TEST(KeyCodecTest, GoldenBytes) {
  // The on-disk format: changing it silently breaks existing databases.
  struct Case {
    std::string encoded;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {KeyBuilder().AddString("").Take(), "\0\x01"s},
      {KeyBuilder().AddString("ab").Take(), "ab\0\x01"s},
      {KeyBuilder().AddString("a\0b"s).Take(), "a\0\xff" "b\0\x01"s},
      {KeyBuilder().AddString("\xff\x01"s).Take(), "\xff\x01\0\x01"s},
      {KeyBuilder().AddString("a").AddString("b").Take(), "a\0\x01" "b\0\x01"s},
      {KeyBuilder().AddU32(0x01020304).Take(), "\x01\x02\x03\x04"s},
      {KeyBuilder().AddU32(0).Take(), "\0\0\0\0"s},
      {KeyBuilder().AddU64(0x0102030405060708ull).Take(), "\x01\x02\x03\x04\x05\x06\x07\x08"s},
      {KeyBuilder().AddString("x").AddU32(255).Take(), "x\0\x01\0\0\0\xff"s},
  };
  for (const auto& c : cases) EXPECT_EQ(Show(c.encoded), Show(c.expected));
}

TEST(KeyCodecTest, StringRoundTrip) {
  for (const auto& s : Strings()) {
    const std::string key = KeyBuilder().AddString(s).Take();
    KeyReader r(key);
    auto back = r.ReadString();
    ASSERT_TRUE(back.has_value()) << Show(s);
    EXPECT_EQ(Show(*back), Show(s));
    EXPECT_TRUE(r.AtEnd()) << Show(s);
  }
}

TEST(KeyCodecTest, IntegerRoundTrip) {
  for (uint32_t v : {0u, 1u, 255u, 256u, 0x01020304u, std::numeric_limits<uint32_t>::max()}) {
    const std::string key = KeyBuilder().AddU32(v).Take();  // the reader keeps a view
    KeyReader r(key);
    EXPECT_EQ(r.ReadU32(), v);
    EXPECT_TRUE(r.AtEnd());
  }
  for (uint64_t v : {uint64_t{0}, uint64_t{1}, uint64_t{1} << 32, uint64_t{0x0102030405060708},
                     std::numeric_limits<uint64_t>::max()}) {
    const std::string key = KeyBuilder().AddU64(v).Take();
    KeyReader r(key);
    EXPECT_EQ(r.ReadU64(), v);
    EXPECT_TRUE(r.AtEnd());
  }
}

TEST(KeyCodecTest, MixedFieldsRoundTrip) {
  // The evidence key's shape: source · relation · target · doc · begin.
  const std::string key = KeyBuilder()
                              .AddString("china")
                              .AddString("co_mention")
                              .AddString("a\0sean"s)
                              .AddString("")
                              .AddU32(4000000000u)
                              .AddU64(7)
                              .Take();
  KeyReader r(key);
  EXPECT_EQ(r.ReadString(), "china");
  EXPECT_EQ(r.ReadString(), "co_mention");
  EXPECT_EQ(r.ReadString(), "a\0sean"s);
  EXPECT_EQ(r.ReadString(), "");
  EXPECT_FALSE(r.AtEnd());
  EXPECT_EQ(r.ReadU32(), 4000000000u);
  EXPECT_EQ(r.ReadU64(), 7u);
  EXPECT_TRUE(r.AtEnd());
}

TEST(KeyCodecTest, SingleStringOrderMatchesByteOrder) {
  for (const auto& a : Strings()) {
    for (const auto& b : Strings()) {
      EXPECT_EQ(Sign(Encode({a}).compare(Encode({b}))), Sign(a.compare(b)))
          << Show(a) << " vs " << Show(b);
    }
  }
}

TEST(KeyCodecTest, TupleOrderMatchesByteOrder) {
  // Every ordered pair of 2-field tuples: catches "ab" vs ("a", next field)
  // and "a" vs "a\0", where a naive separator would sort wrongly.
  std::vector<std::vector<std::string>> tuples;
  for (const auto& a : Strings()) {
    for (const auto& b : Strings()) tuples.push_back({a, b});
  }
  // Tuples of differing length too: a shorter tuple that is a prefix sorts first.
  tuples.push_back({"a"});
  tuples.push_back({"a", "b", "c"});
  tuples.push_back({"ab"});
  for (const auto& x : tuples) {
    for (const auto& y : tuples) {
      const int want = x < y ? -1 : (y < x ? 1 : 0);
      EXPECT_EQ(Sign(Encode(x).compare(Encode(y))), want) << Show(x) << " vs " << Show(y);
    }
  }
}

TEST(KeyCodecTest, StringThenIntegerOrder) {
  // (doc, begin) in evidence keys: evidence of one doc must come out sorted
  // by offset, and all of it before the next doc's.
  struct Key {
    std::string s;
    uint32_t n;
  };
  const std::vector<Key> sorted = {{"", 0},      {"", 1},     {"", 0xffffffff}, {"a", 0},
                                   {"a", 255},   {"a", 256},  {"a", 65536},     {"a\0"s, 0},
                                   {"a\x01"s, 0}, {"ab", 0},   {"b", 0}};
  for (size_t i = 0; i + 1 < sorted.size(); ++i) {
    const std::string lo = KeyBuilder().AddString(sorted[i].s).AddU32(sorted[i].n).Take();
    const std::string hi = KeyBuilder().AddString(sorted[i + 1].s).AddU32(sorted[i + 1].n).Take();
    EXPECT_LT(lo, hi) << i;
  }
}

TEST(KeyCodecTest, IntegerOrderMatchesByteOrder) {
  const std::vector<uint64_t> values = {0, 1, 255, 256, 65535, 65536, uint64_t{1} << 32,
                                        std::numeric_limits<uint64_t>::max()};
  for (size_t i = 0; i + 1 < values.size(); ++i) {
    EXPECT_LT(KeyBuilder().AddU64(values[i]).key(), KeyBuilder().AddU64(values[i + 1]).key());
  }
}

TEST(KeyCodecTest, FieldPrefixIsBytePrefix) {
  const std::vector<std::vector<std::string>> keys = {
      {"china", "co_mention", "asean", "doc-1"},
      {"", "", ""},
      {"a\0"s, "\xff"s, "b"},
  };
  for (const auto& fields : keys) {
    const std::string full = Encode(fields);
    for (size_t n = 0; n <= fields.size(); ++n) {
      std::vector<std::string> head(fields.begin(), fields.begin() + n);
      EXPECT_TRUE(full.starts_with(Encode(head))) << Show(fields) << " first " << n;
    }
  }
}

TEST(KeyCodecTest, CompleteFieldIsNotPrefixOfAnotherValue) {
  // Scanning the prefix Encode({"a"}) (all edges of node "a") must not also
  // return keys whose first field is "ab" or "a\0".
  for (const auto& a : Strings()) {
    for (const auto& b : Strings()) {
      if (a == b) continue;
      EXPECT_FALSE(Encode({b, "x"}).starts_with(Encode({a}))) << Show(a) << " in " << Show(b);
    }
  }
}

TEST(KeyCodecTest, MalformedStringsReturnNullopt) {
  struct Case {
    const char* why;
    std::string key;
  };
  const std::vector<Case> cases = {
      {"empty input", ""},
      {"no terminator", "ab"},
      {"truncated after the 0x00", "ab\0"s},
      {"bad escape byte after 0x00", "ab\0\x02"s},
      {"0x00 0x00 is not an escape", "\0\0"s},
      {"escaped NUL but no terminator", "a\0\xff"s},
      {"terminator byte without its 0x00", "a\x01"s},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    KeyReader r(c.key);
    EXPECT_EQ(r.ReadString(), std::nullopt);
    // Reading on after a failure must stay safe, whatever it returns.
    (void)r.ReadString();
    (void)r.ReadU32();
    (void)r.ReadU64();
  }
}

TEST(KeyCodecTest, TruncatedIntegersReturnNullopt) {
  EXPECT_EQ(KeyReader("").ReadU32(), std::nullopt);
  EXPECT_EQ(KeyReader("abc").ReadU32(), std::nullopt);
  EXPECT_EQ(KeyReader("abcdefg").ReadU64(), std::nullopt);
  // A string field followed by a short integer: the string still reads.
  const std::string key = KeyBuilder().AddString("doc").Take() + "\x01\x02"s;
  KeyReader r(key);
  EXPECT_EQ(r.ReadString(), "doc");
  EXPECT_EQ(r.ReadU32(), std::nullopt);
}

TEST(KeyCodecTest, EveryShortByteStringIsSafe) {
  // Exhaustive over all strings of up to 4 bytes from the bytes that matter:
  // no crash, and whatever decodes re-encodes to the same bytes.
  const std::string alphabet = "\0\x01\xff" "a"s;
  std::vector<std::string> inputs = {""};
  for (size_t len = 1; len <= 4; ++len) {
    std::vector<std::string> longer;
    for (const auto& s : inputs) {
      if (s.size() != len - 1) continue;
      for (char c : alphabet) longer.push_back(s + c);
    }
    inputs.insert(inputs.end(), longer.begin(), longer.end());
  }
  for (const auto& in : inputs) {
    KeyReader r(in);
    auto s = r.ReadString();
    if (s && r.AtEnd()) {
      EXPECT_EQ(Show(KeyBuilder().AddString(*s).Take()), Show(in));
    }
    KeyReader r2(in);
    (void)r2.ReadU32();
    (void)r2.ReadU64();
  }
}

}  // namespace
}  // namespace policygraph::graph
