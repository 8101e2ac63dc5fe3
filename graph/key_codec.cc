#include "graph/key_codec.h"

namespace policygraph::graph {

KeyBuilder& KeyBuilder::AddString(std::string_view s) {
  for (char c : s) {
    key_.push_back(c);
    if (c == '\0') key_.push_back('\xFF');
  }
  key_.push_back('\0');
  key_.push_back('\x01');
  return *this;
}

KeyBuilder& KeyBuilder::AddU64(uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) {
    key_.push_back(static_cast<char>((v >> shift) & 0xFF));
  }
  return *this;
}

KeyBuilder& KeyBuilder::AddU32(uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    key_.push_back(static_cast<char>((v >> shift) & 0xFF));
  }
  return *this;
}

std::optional<std::string> KeyReader::ReadString() {
  std::string out;
  size_t i = 0;
  while (i < rest_.size()) {
    char c = rest_[i];
    if (c != '\0') {
      out.push_back(c);
      ++i;
      continue;
    }
    if (i + 1 >= rest_.size()) return std::nullopt;
    char next = rest_[i + 1];
    if (next == '\xFF') {
      out.push_back('\0');
      i += 2;
    } else if (next == '\x01') {
      rest_.remove_prefix(i + 2);
      return out;
    } else {
      return std::nullopt;
    }
  }
  return std::nullopt;  // no terminator
}

std::optional<uint64_t> KeyReader::ReadU64() {
  if (rest_.size() < 8) return std::nullopt;
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(rest_[i]);
  rest_.remove_prefix(8);
  return v;
}

std::optional<uint32_t> KeyReader::ReadU32() {
  if (rest_.size() < 4) return std::nullopt;
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(rest_[i]);
  rest_.remove_prefix(4);
  return v;
}

}  // namespace policygraph::graph
