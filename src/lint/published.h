#pragma once
/// The publication date of an article, for the checks of relative dates.
///
/// In order: the date the run was given (`--published`, `published =` in .factlint.toml), the
/// `date:` of a front matter block at the top of the file, then a CMS dateline such as
/// "입력 2024.03.06 10:00" in the first or last few lines. Without any of them the date checks
/// that need one stay silent.

#include <optional>
#include <string_view>
#include <utility>

#include "extract/civil_date.h"
#include "text/span.h"

namespace factlint {

class Document;

/// Where a publication date was found.
enum class PublishedSource { given, front_matter, dateline };

struct Published {
  CivilDate date;
  PublishedSource source = PublishedSource::given;
  /// The date as written in the document (empty for `given` and for Markdown front matter,
  /// whose block the analysis text does not keep).
  Span span;
};

/// The publication date the document states about itself: the front matter `date:` (YYYY-MM-DD,
/// optionally followed by a time as in `2024-03-06T10:00:00+09:00`), else a dateline.
std::optional<Published> find_published(const Document& doc);

/// `given` when set, else what the document states.
std::optional<Published> resolve_published(const Document& doc, std::optional<CivilDate> given);

/// A dateline in `line`: a full date next to a word that marks when the article went out, before
/// it ("입력 2024.03.06 10:00", "기사입력 : 2024-03-06", "승인 2024.03.06") or after it, past an
/// optional time ("2024-03-06 10:00 등록"). Words that mark a later edit (수정) do not count.
/// Returns the date and its span (bytes into `line`).
std::optional<std::pair<CivilDate, Span>> parse_dateline(std::string_view line);

}  // namespace factlint
