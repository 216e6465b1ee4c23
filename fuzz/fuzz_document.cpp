// Loading arbitrary bytes as a plain-text, a Markdown and an HTML document: either a LoadError
// with a real position or a document whose lines, paragraphs and sentences tile its text.

#include <cstddef>
#include <cstdint>
#include <string>

#include "common.h"

using namespace factlint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  for (Document::Format format :
       {Document::Format::text, Document::Format::markdown, Document::Format::html}) {
    auto loaded = Document::from_bytes("fuzz", bytes, format);
    if (auto* error = std::get_if<LoadError>(&loaded)) {
      fuzz::require(error->position.line >= 1 && error->position.column >= 1, "error position");
      continue;
    }
    const Document& doc = std::get<Document>(loaded);
    const std::string_view t = doc.text();
    fuzz::require(doc.line_count() >= 1, "at least one line");
    for (std::size_t i = 0; i < doc.line_count(); ++i) {
      const Span line = doc.line(i);
      fuzz::check_span(doc, line, "line");
      fuzz::require(doc.line_of(line.begin) == i, "line_of");
      // In HTML a line may begin after removed markup, so only its first column is known.
      const Position start = doc.position(line.begin);
      fuzz::require(start.line == i + 1, "line start position: line");
      fuzz::require(doc.format() == Document::Format::html || start.column == 1,
                    "line start position: column");
    }
    for (const Paragraph& p : doc.paragraphs()) fuzz::check_span(doc, p.span, "paragraph");
    for (Span s : doc.sentences()) fuzz::check_span(doc, s, "sentence");
    for (Span b : doc.blanked()) fuzz::require(b.begin <= b.end && b.end <= t.size(), "blanked");
    std::size_t previous = 0;
    for (std::size_t at = 0; at <= t.size(); ++at) {
      if (!fuzz::on_boundary(t, at)) continue;
      const std::size_t original = doc.to_original(at);
      fuzz::require(original <= doc.original().size(), "to_original in bounds");
      fuzz::require(original >= previous, "to_original monotonic");
      previous = original;
    }
  }
  return 0;
}
