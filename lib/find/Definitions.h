//===- Definitions.h - The text of an annotated definition ----------------===//
//
// The output replaces each annotated definition, from its first token (or
// its annotation, if that comes first) to the end of its body, and keeps
// the head of the definition as the user wrote it, without the annotation,
// which has done its job.
//
//===----------------------------------------------------------------------===//
#ifndef AWAITC_TOOL_DEFINITIONS_H
#define AWAITC_TOOL_DEFINITIONS_H

#include "find/Finder.h"
#include "support/Diagnostics.h"
#include "support/SourceText.h"

#include "clang/Lex/Preprocessor.h"

#include <optional>
#include <string>

namespace awaitc {

struct DefinitionText {
  /// What the output replaces.
  ByteRange Replaced;
  /// The head up to the body, without the annotation; it opens with the
  /// line mark of its first line.
  std::string Head;
};

/// \p F's definition as the output replaces it; nothing (after a
/// diagnostic) if it is not contiguous text in the file.
std::optional<DefinitionText> definitionText(const AnnotatedFunction &F,
                                             const SourceText &Src,
                                             clang::Preprocessor &PP,
                                             Diagnoser &Diag);

} // namespace awaitc

#endif
