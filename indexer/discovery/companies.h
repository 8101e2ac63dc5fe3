// Companies named after a word for a company: a lower-case Vietnamese
// descriptor ("tập đoàn Amkor Technology", "hãng Samsung"), an English noun
// ("chipmaker Intel", "the shipyard Larsen & Toubro"), or an apposition
// after a comma ("vào GoTo, tập đoàn công nghệ …"). All are typed
// organization.
#pragma once

#include <vector>

#include "indexer/discovery/candidate.h"
#include "indexer/discovery/line.h"
#include "indexer/discovery/vietnamese_words.h"

namespace policygraph::indexer::discovery {

// "tập đoàn Amkor Technology", "công ty an ninh mạng Fortinet", "hãng
// Samsung": the capitalised run after the descriptor is the company's name.
void FindCompanies(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out);

// "the American firm HawkEye 360", "chipmaker Intel", "the shipyard Larsen
// & Toubro": a capitalised run right after an English noun for a company.
void FindEnglishCompanies(Line& line, std::vector<Candidate>& out);

// "vào GoTo, tập đoàn công nghệ lớn nhất Indonesia", "vào Lazada, sàn thương
// mại điện tử …": a Latin-script name that a company noun describes after a
// comma.
void FindAppositiveCompanies(Line& line, const VietnameseLists& lists, std::vector<Candidate>& out);

// "gồm Ngân hàng Krung Thai, Kasikornbank, … và TISCO", "giữa Hydrolancang
// International Energy, Tập đoàn Royal Group và EVN International": a list
// in which a body is named by its head word lists bodies, so its items
// written as Latin-script names (capitalised words or acronyms, nothing
// else) are bodies too. Runs after the other rules, on their candidates.
void FindListedCompanies(Line& line, const VietnameseLists& lists, std::vector<Candidate>& candidates);

}  // namespace policygraph::indexer::discovery
