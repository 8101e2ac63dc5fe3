// Typed links within one sentence: from the entities it names, where they
// stand, and the trigger words between them (link_triggers.h). The rules
// are in links/, one file a relation (links/sentence.h lists them).
//
// The rules, in short (tokens are the sentence's words, in order):
// - cooperation: actors before a trigger × actors after it ("ASEAN hợp tác
//   với Trung Quốc, Mỹ"); the actors after it with each other after "giữa"/
//   "between"; the actors before it with each other for "phối hợp", "jointly";
//   and two actors paired by a dash inside a name ("Diễn đàn … Việt Nam - Hàn
//   Quốc", "ASEAN-Japan Centre").
// - enactment: actor → framework for "ban hành", "thông qua", "có hiệu lực",
//   "adopted" …; and owner → framework where a country owns a law, strategy
//   or plan ("… của Thái Lan", "Thailand's …").
// - participation: actor → event or programme for "tham dự", "attended" …,
//   and the host country after "tổ chức tại", "held in".
// - investment: investor → country for "đầu tư vào", "invested in".
// - membership: member → organisation for "là thành viên của", "joined";
//   member → agreement for ratifying, joining or signing it with two or
//   more others; with no body named after the trigger, the agreement or
//   body the passage named last ("trở thành thành viên từ tháng 2/2022").
// - basis: law → framework for "dựa trên", "based on", with "các luật trên",
//   "these laws" standing for the laws named just before.
// Actors are countries, regional organisations and organisations. A name
// right after "của"/"of" is the owner of the name before it, not a party; a
// name after "trong"/"tại"/"in" is a place, not a partner; a name before
// "cho rằng"/"said" is a speaker.
#pragma once

#include <string>
#include <vector>

#include "indexer/analyzer.h"
#include "indexer/link_triggers.h"

namespace policygraph::indexer {

enum class EntityKind { kActor, kFramework, kEvent, kPerson, kOther };
EntityKind KindOfType(const std::string& type);

// One entity name in the sentence.
struct SentenceMention {
  std::string id;
  std::string type;  // gazetteer type ("country", "law", "programme" …)
  EntityKind kind = EntityKind::kOther;
  uint32_t first = 0;       // token index within the sentence
  uint32_t count = 0;
  // Entities named inside this name: "Việt Nam" in "Diễn đàn … Việt Nam -
  // Hàn Quốc". `paired` holds the ids of two actors a dash joins there.
  std::vector<std::string> paired;
  std::vector<std::string> paired_types;  // their gazetteer types
  std::string owner;  // a country named inside after "của"/"of" or as "X's"
  // A ministry, agency or other state body: its cooperation is its
  // country's too (a company's is not).
  bool government = false;
  // A bank: what it funds it finances (investment), even where the word is
  // "tài trợ", which from a government or fund is a grant.
  bool bank = false;
  // Not a name but a referring expression ("hai bên", "nước này", "the
  // bloc", "its") that stands for this entity, named earlier in the passage
  // (links/antecedents.h).
  bool referring = false;
  // The second half of a dual ("hai|bên"): joined to the mention before it
  // as by "và"/"and".
  bool joined_to_previous = false;
  // "its": owns the name right after it, as "Thailand's" does.
  bool possessive = false;
};

struct TypedLink {
  std::string source;
  std::string relation;
  std::string target;
  std::string trigger;  // the words that typed it, as written
  bool operator==(const TypedLink&) const = default;
};

struct SentenceContext {
  std::string_view text;              // the whole document body
  const std::vector<Token>* tokens;   // the sentence's tokens
  std::vector<SentenceMention> mentions;  // in token order, not overlapping
  std::vector<TriggerHit> triggers;   // over the same tokens
  // Laws named in the sentences just before, for "các luật trên".
  std::vector<std::string> recent_laws;
  // Events and programmes named just before, for "cùng tham gia dự án".
  std::vector<std::string> recent_joinables;
  // Agreements, initiatives and regional bodies named earlier in the
  // passage, oldest first, for "trở thành thành viên" and "its early
  // parties" with nothing named after them.
  std::vector<std::pair<std::string, std::string>> recent_bodies;  // (id, type)
};

// Typed links of one sentence, each (source, relation, target) once; for
// cooperation the smaller id is the source. Every mention and trigger must
// lie within the sentence's tokens: the rules index them by position, so a
// caller's mistake there throws std::invalid_argument rather than reading
// past the tokens.
std::vector<TypedLink> FindTypedLinks(const SentenceContext& sentence);

}  // namespace policygraph::indexer
