# Turns every docs/checks/<category>/<name>.md page into an entry of a generated C++ table
# (rule id -> page text), so that `factlint --explain ID` needs no files at run time.
file(GLOB_RECURSE pages RELATIVE ${DOCS_DIR} ${DOCS_DIR}/*.md)
list(SORT pages)
set(body "")
foreach(page IN LISTS pages)
  string(REGEX REPLACE "\\.md$" "" id "${page}")
  file(READ ${DOCS_DIR}/${page} text)
  string(APPEND body "    {\"${id}\", R\"factlint_doc(${text})factlint_doc\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp
"// Generated from docs/checks by cmake/embed_docs.cmake. Do not edit.
#include <string_view>
#include <utility>
#include <cstddef>
namespace factlint {
extern const std::pair<std::string_view, std::string_view> kEmbeddedDocs[];
extern const std::size_t kEmbeddedDocCount;
const std::pair<std::string_view, std::string_view> kEmbeddedDocs[] = {
${body}    {\"\", \"\"}};
const std::size_t kEmbeddedDocCount = sizeof(kEmbeddedDocs) / sizeof(kEmbeddedDocs[0]) - 1;
}  // namespace factlint
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
