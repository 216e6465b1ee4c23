// The extractors (numbers, dates, quotes with their attributions, people) over the analysis
// text of arbitrary bytes: every result lies inside the text, begin before end.

#include <cstddef>
#include <cstdint>
#include <string>

#include "common.h"
#include "extract/date.h"
#include "extract/number.h"
#include "extract/quote.h"

using namespace factlint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto loaded = Document::from_bytes("fuzz", std::string(reinterpret_cast<const char*>(data), size),
                                     Document::Format::text);
  if (!std::holds_alternative<Document>(loaded)) return 0;
  const Document& doc = std::get<Document>(loaded);
  const std::string_view t = doc.text();
  auto inside = [&](std::size_t b, std::size_t e, const char* what) {
    fuzz::require(b <= e && e <= t.size(), what);
  };
  for (const auto& n : extract::find_numbers(t)) {
    inside(n.begin, n.end, "number");
    extract::parse_number(t.substr(n.begin, n.end - n.begin));
  }
  for (const auto& d : extract::find_dates(t, CivilDate{2024, 2, 29}))
    inside(d.begin, d.end, "date");
  for (const auto& d : extract::find_dates(t, std::nullopt)) inside(d.begin, d.end, "date");
  for (const auto& a : extract::find_attributions(t)) {
    inside(a.quote.begin, a.quote.end, "quote");
    fuzz::require(a.quote.begin <= a.quote.text_begin && a.quote.text_begin <= a.quote.text_end &&
                      a.quote.text_end <= a.quote.end,
                  "quote text");
  }
  for (const auto& p : extract::find_people(t)) inside(p.begin, p.end, "person");
  return 0;
}
