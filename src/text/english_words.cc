#include "text/english_words.h"

#include <hunspell.hxx>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "text/fold.h"

namespace chorus::text {
namespace {

constexpr size_t kMaxCachedWords = 100000;

class Dictionary {
 public:
  static Dictionary& Get() {
    static Dictionary dictionary;
    return dictionary;
  }

  bool MayBeEnglish(std::string_view word) {
    std::lock_guard lock(mutex_);
    if (!hunspell_) return true;
    const std::string key(word);
    if (const auto it = cache_.find(key); it != cache_.end()) return it->second;
    if (cache_.size() >= kMaxCachedWords) cache_.clear();
    const bool known = hunspell_->spell(key);
    cache_.emplace(key, known);
    return known;
  }

 private:
  Dictionary() {
    const char* env = std::getenv("CHORUS_HUNSPELL_DIR");
    const std::filesystem::path dir = env && *env ? env : "/usr/share/hunspell";
    const auto aff = dir / "en_US.aff";
    const auto dic = dir / "en_US.dic";
    std::error_code ec;
    if (std::filesystem::exists(aff, ec) && std::filesystem::exists(dic, ec)) {
      hunspell_ = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
    }
  }

  std::mutex mutex_;
  std::unique_ptr<Hunspell> hunspell_;           // guarded by mutex_
  std::unordered_map<std::string, bool> cache_;  // guarded by mutex_
};

}  // namespace

bool MayBeEnglish(std::string_view folded_word) {
  return Dictionary::Get().MayBeEnglish(folded_word);
}

bool HasNoEnglishWord(std::string_view folded) {
  const std::vector<std::string_view> words = FoldedWords(folded);
  return !words.empty() && std::none_of(words.begin(), words.end(),
                                        [](std::string_view w) { return MayBeEnglish(w); });
}

}  // namespace chorus::text
