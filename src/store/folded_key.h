// FoldedKey: the key under which team names and e-mail addresses are unique. Unicode NFKC
// with full case folding (ICU's NFKC_Casefold), so "Pārdošana", "PĀRDOŠANA" and "ＰĀＲDOŠANA"
// (full-width letters) are one key. Diacritics are kept: "Pardosana" is another team. Invalid
// UTF-8 is folded after its bad bytes are replaced, so every input has a key.
//
// The SQLite store registers it as the SQL function chorus_fold(text) on its connection and
// keeps the keys in teams.name_key and users.email_key (migration 4).
//
// Thread-safety: pure function (ICU's normaliser instance is immutable and shared).
#pragma once

#include <string>
#include <string_view>

namespace chorus::store {

std::string FoldedKey(std::string_view text);

}  // namespace chorus::store
