#pragma once
/// `--explain` pages for pack rules, generated from the pack itself so that they can never
/// disagree with it: kind, severity, message, reference, examples and entries.

#include <string>

#include "rules/pack.h"

namespace factlint {

/// The Markdown page of `rule`, in the layout of the pages in docs/checks/.
std::string pack_rule_doc(const Pack& pack, const PackRule& rule);

}  // namespace factlint
