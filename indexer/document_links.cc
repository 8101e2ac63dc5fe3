#include "indexer/document_links.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "indexer/dates.h"
#include "indexer/model_links.h"

namespace policygraph::indexer {

namespace {

// The gazetteer's id for Vietnam: a Vietnamese text naming no country is
// about Vietnam's own state bodies.
constexpr char kVietnam[] = "vietnam";

// How many passages back "các luật trên" ("the laws above") may reach.
constexpr uint32_t kAnaphoraPassages = 3;

bool Overlaps(uint32_t b1, uint32_t e1, uint32_t b2, uint32_t e2) { return b1 < e2 && b2 < e1; }

// The text of evidence running from an antecedent's sentence [a_begin,
// a_end) to the trigger's [s_begin, s_end): all of it when short, else the
// start of each, so that the reader still sees both the name and the trigger.
std::string SpanText(std::string_view body, uint32_t a_begin, uint32_t a_end, uint32_t s_begin, uint32_t s_end) {
  if (s_end - a_begin <= kMaxEvidenceTextBytes) return std::string(body.substr(a_begin, s_end - a_begin));
  return TruncateUtf8(body.substr(a_begin, a_end - a_begin), kMaxEvidenceTextBytes / 2) + " … " +
         TruncateUtf8(body.substr(s_begin, s_end - s_begin), kMaxEvidenceTextBytes / 2);
}

// The date a sentence states, if any: the first date that is neither a
// period nor part of a name.
const DateMention* SentenceDate(const std::vector<DateMention>& dates, const SentenceSpan& s,
                                const std::vector<EntityMention>& mentions) {
  for (const auto& d : dates) {
    if (d.begin < s.begin) continue;
    if (d.begin >= s.end) break;
    if (d.period) continue;
    bool in_name = std::any_of(mentions.begin(), mentions.end(),
                               [&](const EntityMention& m) { return Overlaps(d.begin, d.end, m.begin, m.end); });
    if (!in_name) return &d;
  }
  return nullptr;
}

// A ministry, agency, parliament or government by any of its names.
bool IsStateBody(const graph::Node& n) {
  static const char* kHeads[] = {"Bộ ",        "Ministry",   "Department", "Cơ quan",  "Ủy ban",
                                 "Uỷ ban",     "Agency",     "Commission", "Chính phủ", "Government",
                                 "Cục ",       "Tổng cục",   "Quốc hội",   "Parliament", "National Assembly"};
  // Central banks and monetary authorities act for their states too.
  static const char* kInside[] = {"Central Bank", "Reserve Bank", "State Bank", "Monetary Authority",
                                  "Bank of ", "Bank Negara", "Bangko Sentral", "Ngân hàng Nhà nước",
                                  "Ngân hàng Trung ương"};
  for (const auto* names : {&n.names_vi, &n.names_en}) {
    for (const auto& name : *names) {
      for (const char* head : kHeads) {
        if (name.rfind(head, 0) == 0) return true;
      }
      for (const char* words : kInside) {
        if (name.find(words) != std::string::npos) return true;
      }
    }
  }
  return false;
}

// A bank by any of its names: "Ngân hàng Hợp tác Quốc tế Nhật Bản (JBIC)".
bool IsBank(const graph::Node& n) {
  for (const auto* names : {&n.names_vi, &n.names_en}) {
    for (const auto& name : *names) {
      if (name.find("Bank") != std::string::npos || name.find("Ngân hàng") != std::string::npos) return true;
    }
  }
  return false;
}

// ICU ends a sentence at every line break and after "U.S." before a
// capital, so a name may run across its end: "Trung\nQuốc" in wrapped text,
// "the U.S. | Department of State". The link rules read a sentence's names
// by its words, so the two sentences are one here.
std::vector<SentenceSpan> JoinSentencesSplitInsideNames(const std::vector<SentenceSpan>& sentences,
                                                        const std::vector<EntityMention>& mentions) {
  std::vector<SentenceSpan> out;
  size_t m = 0;  // mentions are in text order and do not overlap
  for (const auto& s : sentences) {
    if (!out.empty()) {
      while (m < mentions.size() && mentions[m].end <= out.back().end) ++m;
      if (m < mentions.size() && mentions[m].begin < out.back().end) {
        out.back().end = s.end;
        continue;
      }
    }
    out.push_back(s);
  }
  return out;
}

}  // namespace

// The one country a document makes plain, for a state body it leaves
// unnamed ("Chính phủ phê duyệt …" in a passage naming no country): the
// only country it names anywhere (as an actor, inside a name, or as an
// owner), with the sentence first naming it; failing that, in Vietnamese,
// Vietnam, which the language says without a sentence: Vietnamese writing
// names a foreign state's body ("Quốc hội Lào", "chính phủ Indonesia")
// and leaves Vietnam's bare ("Luật …, được Quốc hội thông qua …").
void DocumentLinker::StartDocument(const SourceDocument& doc, const std::vector<EntityMention>& mentions,
                                   const std::vector<SentenceMention>& all,
                                   const std::vector<SentenceSpan>& sentences,
                                   links::AntecedentResolver* antecedents) const {
  std::set<std::string> countries;
  uint32_t first_at = 0;  // byte offset of the first name of a country
  for (size_t k = 0; k < all.size(); ++k) {
    std::vector<std::string> here;
    if (all[k].type == "country") here.push_back(all[k].id);
    if (!all[k].owner.empty()) here.push_back(all[k].owner);
    for (size_t p = 0; p < all[k].paired.size() && p < all[k].paired_types.size(); ++p) {
      if (all[k].paired_types[p] == "country") here.push_back(all[k].paired[p]);
    }
    for (const auto& c : here) {
      if (countries.insert(c).second && countries.size() == 1) first_at = mentions[k].begin;
    }
  }
  if (countries.size() == 1) {
    for (const auto& s : sentences) {
      if (s.begin <= first_at && first_at < s.end) {
        antecedents->StartDocument(*countries.begin(), s.begin, s.end);
        return;
      }
    }
  }
  auto vietnam = type_of_.find(kVietnam);
  if (doc.lang == "vi" && vietnam != type_of_.end() && vietnam->second == "country") {
    antecedents->StartDocument(kVietnam, 0, 0);
    return;
  }
  antecedents->StartDocument("", 0, 0);
}

DocumentLinker::DocumentLinker(const Analyzer& analyzer, const EntityMatcher& matcher,
                               const std::vector<graph::Node>& entities)
    : matcher_(matcher), triggers_(analyzer), antecedents_(analyzer, entities) {
  for (const auto& e : entities) {
    type_of_[e.id] = e.type;
    if (e.type == "organization" && IsStateBody(e)) government_.insert(e.id);
    if (e.type == "organization" && IsBank(e)) banks_.insert(e.id);
  }
}

graph::DocumentContribution DocumentLinker::Extract(const SourceDocument& doc, const std::vector<Token>& tokens,
                                                    const std::vector<EntityMention>& mentions,
                                                    const std::vector<Passage>& passages,
                                                    const std::vector<SentenceSpan>& split) const {
  const std::vector<SentenceSpan> sentences = JoinSentencesSplitInsideNames(split, mentions);
  graph::DocumentContribution c;
  c.doc_id = doc.id;
  const std::string_view body = doc.body;
  auto type_of = [&](const std::string& id) {
    auto it = type_of_.find(id);
    return it == type_of_.end() ? std::string() : it->second;
  };

  // Names inside names, once per mention.
  std::vector<SentenceMention> all(mentions.size());
  std::set<std::string> named;
  for (size_t k = 0; k < mentions.size(); ++k) {
    const auto& m = mentions[k];
    SentenceMention& sm = all[k];
    sm.id = m.entity_id;
    sm.type = type_of(m.entity_id);
    sm.kind = KindOfType(sm.type);
    sm.first = m.first_token;
    sm.count = m.token_count;
    sm.government = government_.count(m.entity_id) > 0;
    sm.bank = banks_.count(m.entity_id) > 0;
    named.insert(m.entity_id);
    std::vector<EntityMention> inner = matcher_.FindInside(body, tokens, m);
    std::vector<const EntityMention*> actors;
    for (const auto& in : inner) {
      // A name inside a name ("Taiwan" in "Taiwan Semiconductor …") is not
      // a mention of its own, unless the name says whose it is ("quy tắc …
      // của APEC"): the document then speaks of APEC.
      const bool named_as_owner = in.first_token > m.first_token && (tokens[in.first_token - 1].exact == "của" ||
                                                                   tokens[in.first_token - 1].exact == "of");
      if (named_as_owner) named.insert(in.entity_id);
      if (KindOfType(type_of(in.entity_id)) != EntityKind::kActor) continue;
      actors.push_back(&in);
      bool after_of = in.first_token > m.first_token &&
                      (tokens[in.first_token - 1].exact == "của" || tokens[in.first_token - 1].exact == "of");
      bool possessive = in.first_token == m.first_token && StartsWithPossessive(body.substr(in.end));
      // An organisation belongs to the country in its name ("Bộ Khoa học,
      // CNTT và Truyền thông Hàn Quốc"); a framework only to one named as
      // its owner ("Luật … của Thái Lan", "Thailand's … Act"), since "Khung
      // ASEAN về …" names ASEAN without being its law.
      bool owns = sm.type == "organization" || after_of || possessive;
      if (sm.owner.empty() && type_of(in.entity_id) == "country" && owns) sm.owner = in.entity_id;
      // "Indonesia's Financial Services Authority" says whose, as "của"
      // does: the document speaks of Indonesia.
      if (possessive) named.insert(in.entity_id);
    }
    // "… Việt Nam - Hàn Quốc", "ASEAN-Japan …": two actors a dash joins. A
    // name with three or more ("Lào - Thái Lan - Malaysia - Singapore")
    // names a multilateral project, not a pair.
    for (size_t i = 0; i + 1 < actors.size() && actors.size() == 2 && sm.paired.empty(); ++i) {
      std::string_view gap = body.substr(actors[i]->end, actors[i + 1]->begin - actors[i]->end);
      bool dash = gap.size() <= 7 && (gap.find('-') != std::string_view::npos ||
                                      gap.find("\u2013") != std::string_view::npos);
      if (dash && actors[i]->entity_id != actors[i + 1]->entity_id) {
        sm.paired = {actors[i]->entity_id, actors[i + 1]->entity_id};
        sm.paired_types = {type_of(actors[i]->entity_id), type_of(actors[i + 1]->entity_id)};
        // A pair the name states is a link the document makes: both ends
        // are in it.
        named.insert(sm.paired.begin(), sm.paired.end());
      }
    }
  }
  c.entities.assign(named.begin(), named.end());

  const std::string default_year = doc.date.size() >= 4 ? doc.date.substr(0, 4) : "";
  const std::vector<DateMention> dates = FindDates(body, default_year);

  size_t passage = 0, t = 0, m = 0;
  std::string carried_date;  // the last date stated in the current passage
  std::vector<std::pair<uint32_t, std::string>> laws_seen;       // (passage, law id)
  std::vector<std::pair<uint32_t, std::string>> joinables_seen;  // (passage, event/programme id)
  struct BodySeen {
    uint32_t passage;
    std::string id, type;  // an agreement, initiative or regional body
  };
  std::vector<BodySeen> bodies_seen;
  links::AntecedentResolver antecedents = antecedents_;
  StartDocument(doc, mentions, all, sentences, &antecedents);
  // (source, relation, target, begin) of every typed evidence: the store
  // keys evidence so, and a second span from one antecedent adds nothing.
  std::set<std::tuple<std::string, std::string, std::string, uint32_t>> typed_spans;
  for (const auto& s : sentences) {
    while (passage + 1 < passages.size() && passages[passage + 1].begin <= s.begin) {
      ++passage;
      carried_date.clear();
      antecedents.StartPassage();
    }
    while (t < tokens.size() && tokens[t].begin < s.begin) ++t;
    size_t t_end = t;
    while (t_end < tokens.size() && tokens[t_end].begin < s.end) ++t_end;
    while (m < mentions.size() && mentions[m].begin < s.begin) ++m;
    size_t m_end = m;
    while (m_end < mentions.size() && mentions[m_end].begin < s.end) ++m_end;

    if (const DateMention* d = SentenceDate(dates, s, mentions)) carried_date = d->iso;
    // A sentence that names no one may still refer to those named before it.
    if (m_end == m && !antecedents.RemembersAny()) continue;

    SentenceContext ctx;
    ctx.text = body;
    std::vector<Token> sentence_tokens(tokens.begin() + t, tokens.begin() + t_end);
    ctx.tokens = &sentence_tokens;
    for (size_t k = m; k < m_end; ++k) {
      SentenceMention sm = all[k];
      sm.first -= static_cast<uint32_t>(t);
      ctx.mentions.push_back(std::move(sm));
    }
    const std::vector<links::ResolvedReference> references =
        antecedents.Resolve(body, s.begin, s.end, sentence_tokens, ctx.mentions);
    antecedents.Remember(s.begin, s.end, ctx.mentions);
    if (m_end == m && references.empty()) continue;
    for (const auto& r : references) ctx.mentions.insert(ctx.mentions.end(), r.parties.begin(), r.parties.end());
    std::stable_sort(ctx.mentions.begin(), ctx.mentions.end(),
                     [](const SentenceMention& a, const SentenceMention& b) { return a.first < b.first; });
    ctx.triggers = triggers_.Find(sentence_tokens);
    for (const auto& [p, law] : laws_seen) {
      if (p + kAnaphoraPassages >= passage &&
          std::find(ctx.recent_laws.begin(), ctx.recent_laws.end(), law) == ctx.recent_laws.end()) {
        ctx.recent_laws.push_back(law);
      }
    }
    for (const auto& [p, id] : joinables_seen) {
      if (p == passage) ctx.recent_joinables.push_back(id);
    }
    for (const auto& b : bodies_seen) {
      if (b.passage == passage) ctx.recent_bodies.emplace_back(b.id, b.type);
    }

    graph::Evidence ev;
    ev.doc_id = doc.id;
    ev.begin = s.begin;
    ev.end = s.end;
    ev.passage = static_cast<uint32_t>(passage);
    ev.date = carried_date.empty() ? doc.date : carried_date;
    ev.text = TruncateUtf8(body.substr(s.begin, s.end - s.begin), kMaxEvidenceTextBytes);

    std::set<std::pair<std::string, std::string>> typed_pairs;
    std::vector<TypedLink> typed_links = FindTypedLinks(ctx);
    if (observer_) observer_(LinkedSentence{doc, ev, ctx, typed_links});
    if (model_ != nullptr) typed_links = LinksWithModel(ctx, typed_links, *model_);
    std::set<std::string> here;  // named in this sentence, not referred to
    for (size_t k = m; k < m_end; ++k) here.insert(mentions[k].entity_id);
    for (const auto& link : typed_links) {
      graph::Evidence typed = ev;
      typed.trigger = TruncateUtf8(link.trigger, 200);
      // An end this sentence only refers to: the evidence starts at the
      // sentence that names it.
      uint32_t antecedent_end = s.end;
      for (const std::string* end : {&link.source, &link.target}) {
        if (here.count(*end)) continue;
        for (const auto& r : references) {
          const bool stands_for = std::any_of(r.parties.begin(), r.parties.end(),
                                              [&](const SentenceMention& p) { return p.id == *end; });
          if (stands_for && r.antecedent_begin < typed.begin) {
            typed.begin = r.antecedent_begin;
            antecedent_end = r.antecedent_end;
          }
        }
      }
      if (typed.begin != ev.begin) typed.text = SpanText(body, typed.begin, antecedent_end, s.begin, s.end);
      if (!typed_spans.emplace(link.source, link.relation, link.target, typed.begin).second) continue;
      c.evidence.push_back({graph::EdgeKey{link.source, link.relation, link.target}, std::move(typed)});
      typed_pairs.insert(std::minmax(link.source, link.target));
    }
    // Every other pair named together is a co-mention, smaller id first.
    for (auto a = here.begin(); a != here.end(); ++a) {
      for (auto b = std::next(a); b != here.end(); ++b) {
        if (!typed_pairs.count({*a, *b})) c.evidence.push_back({graph::EdgeKey{*a, kCoMention, *b}, ev});
      }
    }
    for (size_t k = m; k < m_end; ++k) {
      if (all[k].type == "law") laws_seen.emplace_back(static_cast<uint32_t>(passage), all[k].id);
      if (all[k].type == "agreement" || all[k].type == "initiative" || all[k].type == "regional_org") {
        bodies_seen.push_back({static_cast<uint32_t>(passage), all[k].id, all[k].type});
      }
      if (all[k].type == "event" || all[k].type == "programme" || all[k].type == "initiative") {
        joinables_seen.emplace_back(static_cast<uint32_t>(passage), all[k].id);
      }
    }
  }
  return c;
}

}  // namespace policygraph::indexer
