#include "rules/pack.h"

#include <fmt/format.h>
#include <toml++/toml.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <algorithm>
#include <cerrno>
#include <initializer_list>
#include <map>
#include <unordered_map>

#include "checks/registry.h"
#include "report/lang.h"
#include "rules/conjugate.h"
#include "text/utf8.h"

namespace factlint {

namespace {

/// Thrown inside this file only, to unwind from a nested reader to parse_pack().
struct PackError {
  UserError error;
};

Position clamp(const toml::source_position& p) {
  return {p.line == 0 ? 1 : p.line, p.column == 0 ? 1 : p.column};
}
Position where(const toml::node& node) { return clamp(node.source().begin); }
Position where(const toml::key& key) { return clamp(key.source().begin); }

/// Text as the documents are analysed: NFC (packs typed on macOS may be decomposed).
std::string nfc(std::string_view text) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(err);
  const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (U_FAILURE(err) || (normalizer->isNormalizedUTF8(piece, err) && U_SUCCESS(err))) {
    return std::string(text);
  }
  err = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size()));
  normalizer->normalizeUTF8(0, piece, sink, nullptr, err);
  return U_SUCCESS(err) ? out : std::string(text);
}

/// White space runs (line ends included) become one space; the ends are trimmed. This is the
/// form the matcher expects: a space in a literal stands for any run of horizontal space.
std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool pending = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const char32_t cp = utf8::decode(text, i);
    if (utf8::is_space(cp) || cp == '\n' || cp == '\r') {
      pending = !out.empty();
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    out.append(text.substr(at, i - at));
  }
  return out;
}

bool valid_rule_id(std::string_view id) {
  const std::size_t slash = id.find('/');
  if (slash == 0 || slash == std::string_view::npos || slash + 1 == id.size()) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (c == '/' && i == slash);
    if (!ok) return false;
  }
  return true;
}

std::string join(std::initializer_list<std::string_view> words) {
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out += ", ";
    out += w;
  }
  return out;
}

class PackReader {
 public:
  explicit PackReader(const std::string& path) : path_(path) {}

  Pack read(const toml::table& root) {
    Pack pack;
    pack.path = path_;
    allow_only(root, {"pack", "rule"}, "at the top of a pack", "규칙 팩 최상위");
    const toml::table& header = table_at(root, "pack", root, "[pack]");
    read_header(header, pack);
    const toml::node* rules = root.get("rule");
    if (rules == nullptr) {
      fail(where(root), "a pack needs at least one [[rule]]",
           "규칙 팩에는 [[rule]] 표가 하나 이상 있어야 합니다");
    }
    const toml::array* list = rules->as_array();
    if (list == nullptr || list->empty()) {
      fail(where(*rules), "rule: expected [[rule]] tables", "rule: [[rule]] 표여야 합니다");
    }
    std::map<std::string, Position, std::less<>> ids;
    for (const toml::node& node : *list) {
      const toml::table* table = node.as_table();
      if (table == nullptr) {
        fail(where(node), "rule: expected a [[rule]] table", "rule: [[rule]] 표여야 합니다");
      }
      PackRule rule = read_rule(*table);
      if (auto [it, fresh] = ids.emplace(rule.id, rule.position); !fresh) {
        fail(rule.position,
             fmt::format("duplicate rule id '{}' (first defined at line {})", rule.id,
                         it->second.line),
             fmt::format("규칙 id '{}': {}행에 이미 정의되어 있습니다", rule.id, it->second.line));
      }
      pack.rules.push_back(std::move(rule));
    }
    check_repeated_entries(pack);
    return pack;
  }

 private:
  /// Every message in English and Korean; keys, ids and TOML syntax stay as written in both.
  [[noreturn]] void fail(Position at, std::string message, std::string message_ko) const {
    throw PackError{UserError{path_, at, std::move(message), std::move(message_ko)}};
  }

  /// `context` says where the table is ("in [pack]"), `context_ko` the same in Korean
  /// ("[pack]"), which the message follows with 에.
  void allow_only(const toml::table& table, std::initializer_list<std::string_view> keys,
                  std::string_view context, std::string_view context_ko) const {
    for (const auto& [key, value] : table) {
      bool known = false;
      for (std::string_view k : keys) known = known || key.str() == k;
      if (!known) {
        fail(
            where(key),
            fmt::format("unknown key '{}' {} (expected {})", key.str(), context, join(keys)),
            fmt::format("{}에 알 수 없는 키 '{}' ({} 중 하나)", context_ko, key.str(), join(keys)));
      }
    }
  }

  const toml::node& required(const toml::table& table, std::string_view key,
                             const toml::node& owner, std::string_view context) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) {
      fail(where(owner), fmt::format("missing key '{}' in {}", key, context),
           fmt::format("{}에 '{}' 키가 없습니다", context, key));
    }
    return *node;
  }

  const toml::table& table_at(const toml::table& table, std::string_view key,
                              const toml::node& owner, std::string_view context) const {
    const toml::node& node = required(table, key, owner, context);
    const toml::table* t = node.as_table();
    if (t == nullptr) {
      fail(where(node), fmt::format("{}: expected a table", key),
           fmt::format("{}: 표여야 합니다", key));
    }
    return *t;
  }

  std::string string_value(const toml::node& node, std::string_view what) const {
    const auto* s = node.as_string();
    if (s == nullptr) {
      fail(where(node), fmt::format("{}: expected a string", what),
           fmt::format("{}: 문자열이어야 합니다", what));
    }
    return nfc(s->get());
  }

  std::string required_string(const toml::table& table, std::string_view key,
                              const toml::node& owner, std::string_view context) const {
    const toml::node& node = required(table, key, owner, context);
    std::string value = string_value(node, key);
    if (value.empty()) {
      fail(where(node), fmt::format("{}: must not be empty", key),
           fmt::format("{}: 비어 있으면 안 됩니다", key));
    }
    return value;
  }

  std::string optional_string(const toml::table& table, std::string_view key) const {
    const toml::node* node = table.get(key);
    return node == nullptr ? std::string() : string_value(*node, key);
  }

  /// `{ ko = "...", en = "..." }`; both languages are required so that no message is blank.
  Localized localized(const toml::node& node, std::string_view what) const {
    const toml::table* t = node.as_table();
    if (t == nullptr) {
      fail(where(node), fmt::format("{}: expected {{ ko = \"...\", en = \"...\" }}", what),
           fmt::format("{}: {{ ko = \"...\", en = \"...\" }} 형식이어야 합니다", what));
    }
    allow_only(*t, {"ko", "en"}, fmt::format("in {}", what), what);
    Localized out;
    out.ko = required_string(*t, "ko", node, what);
    out.en = required_string(*t, "en", node, what);
    return out;
  }

  std::vector<std::string> string_list(const toml::node& node, std::string_view what) const {
    const toml::array* array = node.as_array();
    if (array == nullptr) {
      fail(where(node), fmt::format("{}: expected an array of strings", what),
           fmt::format("{}: 문자열 배열이어야 합니다", what));
    }
    std::vector<std::string> out;
    for (const toml::node& item : *array) {
      std::string value = string_value(item, what);
      if (value.empty()) {
        fail(where(item), fmt::format("{}: empty string", what),
             fmt::format("{}: 빈 문자열은 쓸 수 없습니다", what));
      }
      out.push_back(std::move(value));
    }
    return out;
  }

  void read_header(const toml::table& header, Pack& pack) const {
    allow_only(header, {"id", "language", "description", "particles"}, "in [pack]", "[pack]");
    pack.id = required_string(header, "id", header, "[pack]");
    pack.language = required_string(header, "language", header, "[pack]");
    pack.description = localized(required(header, "description", header, "[pack]"), "description");
    if (const toml::node* particles = header.get("particles")) {
      pack.particles = string_list(*particles, "particles");
    }
  }

  PackRule read_rule(const toml::table& table) const {
    const toml::node& id = required(table, "id", table, "[[rule]]");
    PackRule rule;
    rule.id = string_value(id, "id");
    rule.position = where(id);
    if (!valid_rule_id(rule.id)) {
      fail(where(id),
           fmt::format("rule id '{}': expected category/name in lowercase letters, "
                       "digits and '-' (e.g. spelling/verb-conjugation)",
                       rule.id),
           fmt::format("규칙 id '{}': 영문 소문자, 숫자, '-'로 된 category/name 형식이어야 "
                       "합니다 (예: spelling/verb-conjugation)",
                       rule.id));
    }
    const std::string context = fmt::format("[[rule]] '{}'", rule.id);
    const toml::node& kind = required(table, "kind", table, context);
    const std::string kind_name = string_value(kind, "kind");
    if (kind_name == "substitution") {
      rule.kind = RuleKind::substitution;
    } else if (kind_name == "existence") {
      rule.kind = RuleKind::existence;
    } else if (kind_name == "consistency") {
      rule.kind = RuleKind::consistency;
    } else if (kind_name == "spacing") {
      rule.kind = RuleKind::spacing;
    } else {
      fail(where(kind),
           fmt::format("unknown kind '{}' (expected substitution, existence, "
                       "consistency or spacing)",
                       kind_name),
           fmt::format("kind: 알 수 없는 종류 '{}' (substitution, existence, consistency, "
                       "spacing 중 하나)",
                       kind_name));
    }
    switch (rule.kind) {
      case RuleKind::substitution:
      case RuleKind::existence:
        allow_only(table,
                   {"id", "kind", "severity", "message", "description", "reference", "fires",
                    "silent", "entries"},
                   "in [[rule]]", "[[rule]]");
        break;
      case RuleKind::consistency:
        allow_only(table,
                   {"id", "kind", "severity", "message", "description", "reference", "fires",
                    "silent", "variants"},
                   "in a consistency [[rule]]", "consistency [[rule]]");
        break;
      case RuleKind::spacing:
        allow_only(table,
                   {"id", "kind", "severity", "message", "description", "reference", "fires",
                    "silent", "nouns", "after", "then", "except", "next"},
                   "in a spacing [[rule]]", "spacing [[rule]]");
        break;
    }
    const toml::node& severity = required(table, "severity", table, context);
    const std::string severity_name = string_value(severity, "severity");
    if (auto s = parse_severity(severity_name)) {
      rule.severity = *s;
    } else {
      fail(where(severity),
           fmt::format("unknown severity '{}' (expected error, warning or info)", severity_name),
           fmt::format("severity: 알 수 없는 수준 '{}' (error, warning, info 중 하나)",
                       severity_name));
    }
    const toml::node& message = required(table, "message", table, context);
    rule.message = localized(message, "message");
    check_placeholders(message, rule.message.ko);
    check_placeholders(message, rule.message.en);
    if (const toml::node* d = table.get("description"))
      rule.description = localized(*d, "description");
    rule.reference = optional_string(table, "reference");
    rule.fires = examples(table, "fires");
    rule.silent = examples(table, "silent");
    if (rule.kind == RuleKind::consistency) {
      read_variants(table, context, rule);
    } else if (rule.kind == RuleKind::spacing) {
      read_spacing(table, context, rule);
    } else {
      // An existence rule's `right` is a suggestion for the message; when the message shows it,
      // every entry needs one.
      const bool needs_right = rule.kind == RuleKind::substitution ||
                               rule.message.ko.find("{right}") != std::string::npos ||
                               rule.message.en.find("{right}") != std::string::npos;
      const toml::node& entries = required(table, "entries", table, context);
      const toml::array* list = entries.as_array();
      if (list == nullptr || list->empty()) {
        fail(where(entries), "entries: expected a non-empty array of { wrong = ..., ... } tables",
             "entries: { wrong = ..., ... } 표를 담은, 비어 있지 않은 배열이어야 합니다");
      }
      rule.entries.reserve(list->size());  // conjugated entries may add more
      for (const toml::node& entry : *list) {
        PackEntry read = read_entry(entry, needs_right);
        if (const toml::table* t = entry.as_table(); t && t->get("conjugate")) {
          add_conjugated(*t->get("conjugate"), std::move(read), rule);
        } else if (read.wrong.find("{ㄹ}") != std::string::npos) {
          add_syllable_class(*entry.as_table(), std::move(read), rule);
        } else {
          rule.entries.push_back(std::move(read));
        }
      }
    }
    return rule;
  }

  /// `conjugate = "regular"` (or "reu"): `wrong` and `right` are dictionary forms (치루다,
  /// 치르다) that stand for the beginnings of their common forms, each pair a `stem` entry.
  void add_conjugated(const toml::node& node, PackEntry entry, PackRule& rule) const {
    const std::string kind_name = string_value(node, "conjugate");
    Conjugation kind = Conjugation::regular;
    if (kind_name == "reu") {
      kind = Conjugation::reu;
    } else if (kind_name != "regular") {
      fail(where(node), fmt::format("unknown conjugate '{}' (expected regular or reu)", kind_name),
           fmt::format("conjugate: 알 수 없는 값 '{}' (regular, reu 중 하나)", kind_name));
    }
    if (rule.kind != RuleKind::substitution) {
      fail(where(node), "conjugate: only for substitution rules",
           "conjugate: substitution 규칙에만 쓸 수 있습니다");
    }
    const auto wrong = conjugate(entry.wrong, Conjugation::regular);
    const auto right = conjugate(entry.right, kind);
    if (!wrong || !right) {
      fail(where(node),
           fmt::format("conjugate: '{}' and '{}' must be Hangul words ending in 다", entry.wrong,
                       entry.right),
           fmt::format("conjugate: '{}', '{}' 모두 '다'로 끝나는 한글 단어여야 합니다", entry.wrong,
                       entry.right));
    }
    for (std::size_t i = 0; i < wrong->size(); ++i) {
      if ((*wrong)[i] == (*right)[i]) continue;
      bool seen = false;
      for (const PackEntry& e : rule.entries) seen = seen || e.wrong == (*wrong)[i];
      if (seen) continue;
      PackEntry form = entry;
      form.wrong = (*wrong)[i];
      form.right = (*right)[i];
      form.match = MatchMode::stem;
      rule.entries.push_back(std::move(form));
    }
  }

  /// `{ㄹ}` in `wrong` and `right` stands for every syllable with the final consonant ㄹ (할께,
  /// 먹을께, 도와줄께 → 할게 ...), apart from the syllables in `skip`.
  void add_syllable_class(const toml::table& table, PackEntry entry, PackRule& rule) const {
    constexpr std::string_view kMark = "{ㄹ}";
    const std::size_t in_wrong = entry.wrong.find(kMark);
    const std::size_t in_right = entry.right.find(kMark);
    if (in_right == std::string::npos) {
      fail(where(table), "right: must use {ㄹ} where wrong does",
           "right: wrong처럼 {ㄹ}을 써야 합니다");
    }
    std::vector<std::string> skip;
    if (const toml::node* node = table.get("skip")) skip = string_list(*node, "skip");
    for (char32_t cp = 0xAC00; cp <= 0xD7A3; ++cp) {
      if ((cp - 0xAC00) % 28 != 8) continue;  // ㄹ as the final consonant
      std::string syllable;
      utf8::append(syllable, cp);
      if (std::find(skip.begin(), skip.end(), syllable) != skip.end()) continue;
      PackEntry form = entry;
      form.wrong.replace(in_wrong, kMark.size(), syllable);
      form.right.replace(in_right, kMark.size(), syllable);
      bool seen = false;
      for (const PackEntry& e : rule.entries) seen = seen || e.wrong == form.wrong;
      if (!seen) rule.entries.push_back(std::move(form));
    }
  }

  /// `variants = [["챗GPT", "ChatGPT"], ...]`: each set becomes entries of one group.
  void read_variants(const toml::table& table, const std::string& context, PackRule& rule) const {
    const toml::node& variants = required(table, "variants", table, context);
    const toml::array* sets = variants.as_array();
    if (sets == nullptr || sets->empty()) {
      fail(where(variants), "variants: expected a non-empty array of arrays of strings",
           "variants: 문자열 배열을 담은, 비어 있지 않은 배열이어야 합니다");
    }
    std::uint32_t group = 0;
    for (const toml::node& set : *sets) {
      const toml::array* forms = set.as_array();
      if (forms == nullptr || forms->size() < 2) {
        fail(where(set),
             "variants: each set needs at least two spellings, e.g. [\"챗GPT\", \"ChatGPT\"]",
             "variants: 배열마다 표기가 둘 이상 있어야 합니다 (예: [\"챗GPT\", \"ChatGPT\"])");
      }
      for (const toml::node& form : *forms) {
        PackEntry entry;
        entry.wrong = collapse_spaces(string_value(form, "variants"));
        if (entry.wrong.empty()) {
          fail(where(form), "variants: empty string", "variants: 빈 문자열은 쓸 수 없습니다");
        }
        entry.position = where(form);
        entry.group = group;
        for (const PackEntry& other : rule.entries) {
          if (other.group == group && other.wrong == entry.wrong) {
            fail(where(form), fmt::format("variants: '{}' twice in one set", entry.wrong),
                 fmt::format("variants: 한 배열에 '{}' 표기가 두 번 있습니다", entry.wrong));
          }
        }
        rule.entries.push_back(std::move(entry));
      }
      ++group;
    }
  }

  static bool is_hangul_syllable_text(std::string_view s) {
    std::size_t i = 0;
    const char32_t cp = utf8::decode(s, i);
    return i == s.size() && cp >= 0xAC00 && cp <= 0xD7A3;
  }

  static bool all_hangul(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      const char32_t cp = utf8::decode(s, i);
      if (cp < 0xAC00 || cp > 0xD7A3) return false;
    }
    return !s.empty();
  }

  /// `nouns`, `after`, `then` and optional `except` and `next`; see SpacingContext.
  void read_spacing(const toml::table& table, const std::string& context, PackRule& rule) const {
    const toml::node& nouns = required(table, "nouns", table, context);
    const toml::array* list = nouns.as_array();
    if (list == nullptr || list->empty()) {
      fail(where(nouns), "nouns: expected a non-empty array",
           "nouns: 비어 있지 않은 배열이어야 합니다");
    }
    for (const toml::node& noun : *list) {
      PackEntry entry;
      entry.wrong = string_value(noun, "nouns");
      if (!all_hangul(entry.wrong)) {
        fail(where(noun), fmt::format("nouns: '{}' is not a word in Hangul", entry.wrong),
             fmt::format("nouns: '{}': 한글로만 된 단어여야 합니다", entry.wrong));
      }
      entry.match = MatchMode::anywhere;
      entry.position = where(noun);
      rule.entries.push_back(std::move(entry));
    }
    const toml::node& after = required(table, "after", table, context);
    rule.spacing.after = string_list(after, "after");
    for (const std::string& a : rule.spacing.after) {
      if (a != "ㄹ" && a != "ㄴ" && !is_hangul_syllable_text(a)) {
        fail(where(after),
             fmt::format("after: '{}': expected \"ㄹ\", \"ㄴ\" or one Hangul syllable", a),
             fmt::format("after: '{}': \"ㄹ\", \"ㄴ\" 또는 한글 한 음절이어야 합니다", a));
      }
    }
    const toml::node& then = required(table, "then", table, context);
    const toml::array* endings = then.as_array();
    if (endings == nullptr || endings->empty()) {
      fail(where(then), "then: expected a non-empty array of strings (\"\" for nothing)",
           "then: 문자열을 담은, 비어 있지 않은 배열이어야 합니다 (아무것도 없으면 \"\")");
    }
    for (const toml::node& item : *endings) {
      std::string value = string_value(item, "then");
      if (std::count(value.begin(), value.end(), ' ') > 1) {
        fail(where(item), fmt::format("then: '{}': at most one space", value),
             fmt::format("then: '{}': 공백은 하나까지만 쓸 수 있습니다", value));
      }
      if (value == " " || value == "*" || value == " *" || value.ends_with(" *") ||
          value.ends_with(" ")) {
        fail(where(item), fmt::format("then: '{}': a space must come before letters", value),
             fmt::format("then: '{}': 공백 다음에는 글자가 와야 합니다", value));
      }
      rule.spacing.then.push_back(std::move(value));
    }
    if (const toml::node* except = table.get("except")) {
      rule.spacing.except = string_list(*except, "except");
    }
    if (const toml::node* next = table.get("next")) {
      rule.spacing.next = string_list(*next, "next");
    }
  }

  /// Only {wrong} and {right} may appear in braces.
  void check_placeholders(const toml::node& at, std::string_view text) const {
    for (std::size_t open = text.find('{'); open != std::string_view::npos;
         open = text.find('{', open + 1)) {
      const std::size_t close = text.find('}', open);
      const std::string_view name =
          close == std::string_view::npos ? text.substr(open) : text.substr(open, close - open + 1);
      if (name != "{wrong}" && name != "{right}") {
        fail(where(at),
             fmt::format("message: unknown placeholder '{}' (expected {{wrong}} or {{right}})",
                         name),
             fmt::format("message: 알 수 없는 자리 표시자 '{}' ({{wrong}}, {{right}} 중 하나)",
                         name));
      }
    }
  }

  std::vector<PackExample> examples(const toml::table& table, std::string_view key) const {
    std::vector<PackExample> out;
    const toml::node* node = table.get(key);
    if (node == nullptr) return out;
    const toml::array* array = node->as_array();
    if (array == nullptr) {
      fail(where(*node), fmt::format("{}: expected an array of sentences", key),
           fmt::format("{}: 문장 배열이어야 합니다", key));
    }
    for (const toml::node& item : *array) {
      out.push_back({string_value(item, key), where(item)});
      if (out.back().text.empty()) {
        fail(where(item), fmt::format("{}: empty sentence", key),
             fmt::format("{}: 빈 문장은 쓸 수 없습니다", key));
      }
    }
    return out;
  }

  PackEntry read_entry(const toml::node& node, bool needs_right) const {
    const toml::table* t = node.as_table();
    if (t == nullptr) {
      fail(where(node), "entries: expected { wrong = \"...\", ... }",
           "entries: 각 항목은 { wrong = \"...\", ... } 형식이어야 합니다");
    }
    allow_only(*t, {"wrong", "right", "match", "reference", "note", "conjugate", "skip"},
               "in an entry", "항목");
    PackEntry entry;
    entry.position = where(node);
    const toml::node* wrong = t->get("wrong");
    if (wrong == nullptr) {
      fail(where(node), "entry without 'wrong'", "항목에 'wrong' 키가 없습니다");
    }
    entry.wrong = collapse_spaces(string_value(*wrong, "wrong"));
    if (entry.wrong.empty()) {
      fail(where(*wrong), "wrong: must not be empty", "wrong: 비어 있으면 안 됩니다");
    }
    if (const toml::node* right = t->get("right")) {
      entry.right = string_value(*right, "right");
      if (entry.right.empty()) {
        fail(where(*right), "right: must not be empty", "right: 비어 있으면 안 됩니다");
      }
      if (entry.right == entry.wrong) {
        fail(where(*right), "right: same as wrong", "right: wrong과 같습니다");
      }
    } else if (needs_right) {
      fail(where(node), fmt::format("entry '{}' without 'right'", entry.wrong),
           fmt::format("항목 '{}'에 'right' 키가 없습니다", entry.wrong));
    }
    if (const toml::node* match = t->get("match")) {
      const std::string mode = string_value(*match, "match");
      if (mode == "word") {
        entry.match = MatchMode::word;
      } else if (mode == "stem") {
        entry.match = MatchMode::stem;
      } else if (mode == "exact") {
        entry.match = MatchMode::exact;
      } else if (mode == "anywhere") {
        entry.match = MatchMode::anywhere;
      } else {
        fail(where(*match),
             fmt::format("unknown match '{}' (expected word, stem, exact or anywhere)", mode),
             fmt::format("match: 알 수 없는 값 '{}' (word, stem, exact, anywhere 중 하나)", mode));
      }
    }
    entry.reference = optional_string(*t, "reference");
    if (const toml::node* note = t->get("note")) entry.note = localized(*note, "note");
    return entry;
  }

  /// The same text in the same mode twice would report one place twice.
  void check_repeated_entries(const Pack& pack) const {
    struct Key {
      std::string_view text;
      MatchMode mode;
      bool operator==(const Key&) const = default;
    };
    struct Hash {
      std::size_t operator()(const Key& k) const {
        return std::hash<std::string_view>()(k.text) ^ static_cast<std::size_t>(k.mode);
      }
    };
    std::size_t entries = 0;
    for (const PackRule& rule : pack.rules) entries += rule.entries.size();
    std::unordered_map<Key, const PackRule*, Hash> seen;
    seen.reserve(entries);
    for (const PackRule& rule : pack.rules) {
      // Spacing rules share their nouns: 수 after ㄹ and 수 before 있다 are two contexts.
      if (rule.kind == RuleKind::spacing) continue;
      for (const PackEntry& entry : rule.entries) {
        auto [it, fresh] = seen.emplace(Key{entry.wrong, entry.match}, &rule);
        if (fresh) continue;
        const PackRule& first = *it->second;
        if (first.id == rule.id) {
          fail(entry.position,
               fmt::format("duplicate entry '{}' in rule '{}'", entry.wrong, rule.id),
               fmt::format("항목 '{}': 규칙 '{}'에 이미 있습니다", entry.wrong, rule.id));
        }
        fail(entry.position,
             fmt::format("entry '{}' is already in rule '{}' (line {})", entry.wrong, first.id,
                         first.position.line),
             fmt::format("항목 '{}': 규칙 '{}'({}행)에 이미 있습니다", entry.wrong, first.id,
                         first.position.line));
      }
    }
  }

  const std::string& path_;
};

}  // namespace

std::string_view to_string(RuleKind kind) {
  switch (kind) {
    case RuleKind::substitution:
      return "substitution";
    case RuleKind::existence:
      return "existence";
    case RuleKind::consistency:
      return "consistency";
    case RuleKind::spacing:
      return "spacing";
  }
  return "substitution";
}

std::string_view to_string(MatchMode mode) {
  switch (mode) {
    case MatchMode::word:
      return "word";
    case MatchMode::stem:
      return "stem";
    case MatchMode::exact:
      return "exact";
    case MatchMode::anywhere:
      return "anywhere";
  }
  return "word";
}

std::variant<Pack, UserError> parse_pack(std::string_view text, const std::string& path) {
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(path));
  } catch (const toml::parse_error& e) {
    return UserError{path, clamp(e.source().begin), std::string(e.description()),
                     fmt::format("TOML 문법 오류: {}", e.description())};
  }
  try {
    return PackReader(path).read(root);
  } catch (const PackError& e) {
    return e.error;
  }
}

std::variant<Pack, UserError> load_pack(const std::string& path) {
  const auto text = read_file(path);
  if (!text) {
    const int code = errno;
    return UserError{
        path,
        {1, 1},
        fmt::format("cannot read rule pack: {}", system_error_text(code, Lang::en)),
        fmt::format("규칙 팩 파일을 읽을 수 없습니다: {}", system_error_text(code, Lang::ko))};
  }
  return parse_pack(*text, path);
}

std::optional<UserError> check_unique_ids(const std::vector<const Pack*>& packs,
                                          const RuleCatalog& known) {
  std::map<std::string_view, const Pack*> seen;
  for (const Pack* pack : packs) {
    for (const PackRule& rule : pack->rules) {
      if (known.find(rule.id) != nullptr) {
        return UserError{pack->path, rule.position,
                         fmt::format("rule id '{}' is already defined", rule.id),
                         fmt::format("규칙 id '{}': 이미 정의되어 있습니다", rule.id)};
      }
      if (auto [it, fresh] = seen.emplace(rule.id, pack); !fresh) {
        return UserError{
            pack->path, rule.position,
            fmt::format("rule id '{}' is already defined in {}", rule.id, it->second->path),
            fmt::format("규칙 id '{}': {}에 이미 정의되어 있습니다", rule.id, it->second->path)};
      }
    }
  }
  return std::nullopt;
}

}  // namespace factlint
