// Fuzz target: the graph's key codec. Reading arbitrary bytes as a key must
// never read past them, and what is built must read back the same.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "graph/key_codec.h"
#include "graph/record_codec.h"

using namespace policygraph::graph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  KeyReader reader(bytes);
  for (int i = 0; i < 8 && !reader.AtEnd(); ++i) {
    if (i % 3 == 2) {
      (void)reader.ReadU64();
    } else if (!reader.ReadString()) {
      break;
    }
  }
  // Round trip: the bytes as two strings and a number.
  const std::string a(bytes.substr(0, size / 2)), b(bytes.substr(size / 2));
  std::string key = KeyBuilder().AddString(a).AddU64(size).AddString(b).Take();
  KeyReader back(key);
  auto ra = back.ReadString();
  auto n = back.ReadU64();
  auto rb = back.ReadString();
  if (!ra || *ra != a || !n || *n != size || !rb || *rb != b || !back.AtEnd()) __builtin_trap();
  // Order: the encoding sorts as the strings do.
  if ((a < b) != (KeyBuilder().AddString(a).Take() < KeyBuilder().AddString(b).Take())) __builtin_trap();
  // Stored records: decoding arbitrary bytes fails cleanly.
  (void)DecodeNode(std::string(bytes));
  (void)DecodeEvidence(std::string(bytes));
  (void)DecodeEdgeSummary(std::string(bytes));
  return 0;
}
