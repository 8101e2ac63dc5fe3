// Order-preserving binary keys for the graph's column families.
//
// A key is a sequence of fields. Strings are written with every 0x00 byte
// escaped as 0x00 0xFF and closed by 0x00 0x01, so that for any two field
// sequences, byte-wise comparison of the encoded keys equals field-wise
// comparison of the decoded values, and the encoding of a prefix of fields is
// a byte prefix of the whole key (what prefix scans rely on). Integers are
// fixed-width big-endian. The codec is pure: no RocksDB types here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace policygraph::graph {

class KeyBuilder {
 public:
  KeyBuilder& AddString(std::string_view s);
  KeyBuilder& AddU64(uint64_t v);
  KeyBuilder& AddU32(uint32_t v);
  const std::string& key() const { return key_; }
  std::string Take() { return std::move(key_); }

 private:
  std::string key_;
};

// Reads fields back in the order they were added. Every getter returns
// nullopt on malformed input (truncated or bad escape) rather than throwing,
// because keys come from disk and a corrupt database must not crash readers.
class KeyReader {
 public:
  explicit KeyReader(std::string_view key) : rest_(key) {}
  std::optional<std::string> ReadString();
  std::optional<uint64_t> ReadU64();
  std::optional<uint32_t> ReadU32();
  bool AtEnd() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

}  // namespace policygraph::graph
