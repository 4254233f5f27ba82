#include "detect/identifier_cues.h"

#include <algorithm>
#include <string>
#include <vector>

#include "text/fold.h"

namespace chorus::detect {
namespace {

// A cue word; a trailing '*' lets it be the start of a longer word ("telefon*" covers
// "telefonu", "telefonem"). Words are written in their ordinary spelling and folded once.
struct CueWords {
  Cue kind;
  std::vector<const char*> words;
};

const std::vector<CueWords>& CueTable() {
  static const std::vector<CueWords> kTable = {
      {Cue::kNationalId,
       {
           // English
           "id:",
           "my id",
           "his id",
           "her id",
           "id card",
           "id number",
           "id no",
           "id nr",
           "id #",
           "identity*",
           "identification number",
           "personal code",
           "personal id*",
           "personal number",
           "national id*",
           "teudat*",
           // Latvian
           "personas kod*",
           "pers. kod*",
           "pers.kod*",
           "p.k.",
           "p. k.",
           "identifikācijas numur*",
           "id numur*",
           "personas identifikācijas*",
           // Polish
           "pesel",
           "numer identyfikacyjn*",
           "nr identyfikacyjn*",
           "numer dowodu",
           "nr dowodu",
           "dowód osobist*",
           "dowodu osobist*",
           "numer ewidencyjn*",
           "numer osobist*",
           // Hebrew
           "ת.ז",
           "ת\"ז",
           "ת״ז",
           "תז",
           "תעודת זהות",
           "תעודת הזהות",
           "מספר זהות",
           "מס' זהות",
           "מס׳ זהות",
           "מס זהות",
       }},
      {Cue::kVat,
       {
           // English and the abbreviations used across the EU
           "vat*",
           "vat no",
           "vat number",
           "vat id",
           "tax id",
           "tax number",
           "tax identification*",
           "tin",
           "pvn",
           "pvm",
           "kmkr",
           "tva",
           "ust-id*",
           "ust.-id*",
           "ust id*",
           "ustid*",
           "umsatzsteuer*",
           "nip",
           // Latvian
           "nodokļu maksātāj*",
           "pvn reģ*",
           // Polish
           "numer identyfikacji podatkowej",
           "numer vat",
           "nr vat",
           "vat-ue",
           "vat ue",
           // Hebrew
           "ע.מ",
           "ע\"מ",
           "ע״מ",
           "עוסק מורשה",
           "מע\"מ",
           "מע״מ",
           "מעמ",
       }},
      {Cue::kRegon, {"regon"}},
      {Cue::kCompany,
       {
           // English
           "company number",
           "company no",
           "company id",
           "company reg*",
           "registration number",
           "reg. no",
           "reg. nr",
           "reg. number",
           // Latvian
           "reģistrācijas numur*",
           "reģ. nr",
           "reģ. numur*",
           "uzņēmuma kod*",
           // Polish
           "numer rejestrow*",
           "nr rejestrow*",
           "numer firmy",
           "numer spółki",
           // Hebrew
           "ח.פ",
           "ח\"פ",
           "ח״פ",
           "חפ",
           "מספר חברה",
           "מס' חברה",
           "מס׳ חברה",
           "מספר תאגיד",
       }},
      {Cue::kPhone,
       {
           // English
           "phone*",
           "tel",
           "tel.",
           "telephone*",
           "call*",
           "mobile*",
           "mob",
           "mob.",
           "cell*",
           "whatsapp*",
           "sms",
           "text me",
           "text us",
           "ring me",
           "ring us",
           "fax",
           "hotline",
           "contact number",
           "number to call",
           // Latvian
           "tālr*",
           "tālruņa numur*",
           "telefon*",
           "zvani*",
           "zvanīt*",
           "mob. tālr*",
           "mobil*",
           // Polish
           "zadzwoń*",
           "zadzwon*",
           "dzwoń*",
           "dzwon*",
           "komórk*",
           "kom.",
           "numer telefonu",
           "nr tel*",
           // Hebrew
           "טלפון",
           "טל'",
           "טל׳",
           "טל",
           "נייד",
           "פלאפון",
           "סלולרי",
           "התקשר*",
           "תתקשר*",
           "וואטסאפ",
           "ווטסאפ",
           "חייג*",
           "לחייג",
       }},
      {Cue::kNotPhone,
       {
           // English
           "order*",
           "invoice*",
           "inv",
           "inv.",
           "tracking*",
           "track*",
           "reference*",
           "ref",
           "ref.",
           "parcel*",
           "shipment*",
           "package*",
           "booking*",
           "confirmation*",
           "ticket*",
           "case no*",
           "case number",
           "receipt*",
           "transaction*",
           "awb",
           "waybill*",
           // Latvian
           "pasūtījum*",
           "rēķin*",
           "sūtījum*",
           "izsekošan*",
           "atsauc*",
           "pavadzīm*",
           "pieteikum*",
           "darījum*",
           "kvīt*",
           "čeka numur*",
           // Polish
           "zamówieni*",
           "faktur*",
           "przesyłk*",
           "paczk*",
           "śledzeni*",
           "referencyjn*",
           "nr ref*",
           "zleceni*",
           "numer sprawy",
           "transakcj*",
           "paragon*",
           "list przewozow*",
           // Hebrew
           "הזמנה",
           "הזמנות",
           "חשבונית",
           "מעקב",
           "אסמכתא",
           "משלוח",
           "הפניה",
           "קבלה",
           "עסקה",
           "פנייה",
           "כרטיס",
       }},
  };
  return kTable;
}

struct FoldedCue {
  std::string word;
  Cue kind;
  bool prefix;         // may be the start of a longer word
  bool at_word_start;  // must start a word (Latin words; Hebrew words take prefixes)
};

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

const std::vector<FoldedCue>& FoldedCues() {
  static const std::vector<FoldedCue> kCues = [] {
    std::vector<FoldedCue> cues;
    for (const CueWords& group : CueTable()) {
      for (const char* raw : group.words) {
        std::string_view word(raw);
        bool prefix = !word.empty() && word.back() == '*';
        if (prefix) word.remove_suffix(1);
        std::string folded = text::FoldTerm(word);
        if (folded.empty()) continue;
        bool latin = static_cast<unsigned char>(folded[0]) < 0x80;
        cues.push_back({std::move(folded), group.kind, prefix, latin});
      }
    }
    return cues;
  }();
  return kCues;
}

// True if folded[pos] continues a word (a letter or digit, ASCII or not).
bool ContinuesWord(std::string_view folded, size_t pos) {
  if (pos >= folded.size()) return false;
  const char c = folded[pos];
  if (IsAsciiAlnum(c)) return true;
  return static_cast<unsigned char>(c) >= 0x80 && text::IsWordCharAt(folded, pos);
}

size_t KindIndex(Cue kind) {
  size_t i = 0;
  for (unsigned bits = static_cast<unsigned>(kind); bits > 1; bits >>= 1) ++i;
  return i;
}

}  // namespace

CuesBefore::CuesBefore(std::string_view text, size_t pos) {
  for (size_t& d : distance_) d = kAbsent;
  if (pos > text.size()) pos = text.size();
  size_t from = pos > kCueWindow ? pos - kCueWindow : 0;
  // Start on a whole UTF-8 character.
  while (from < pos && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
  const std::string folded = text::FoldTerm(text.substr(from, pos - from));
  for (const FoldedCue& cue : FoldedCues()) {
    for (size_t at = folded.find(cue.word); at != std::string::npos;
         at = folded.find(cue.word, at + 1)) {
      if (cue.at_word_start && at > 0 && IsAsciiAlnum(folded[at - 1])) continue;
      const size_t end = at + cue.word.size();
      const char last = cue.word.back();
      const bool ends_in_punctuation =
          static_cast<unsigned char>(last) < 0x80 && !IsAsciiAlnum(last);
      if (!cue.prefix && !ends_in_punctuation && ContinuesWord(folded, end)) continue;
      size_t& distance = distance_[KindIndex(cue.kind)];
      distance = std::min(distance, folded.size() - end);
    }
  }
}

size_t CuesBefore::Distance(Cue kind) const {
  return distance_[KindIndex(kind)];
}

Cue CuesBefore::Nearest(unsigned kinds) const {
  Cue best = Cue::kNone;
  size_t best_distance = kAbsent;
  for (size_t i = 0; i < kKinds; ++i) {
    const Cue kind = static_cast<Cue>(1u << i);
    if ((kinds & static_cast<unsigned>(kind)) == 0 || distance_[i] == kAbsent) continue;
    if (best == Cue::kNone || distance_[i] < best_distance) {
      best = kind;
      best_distance = distance_[i];
    }
  }
  return best;
}

}  // namespace chorus::detect
