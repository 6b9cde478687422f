//===- LineDirectives.h - #line back to the user's source -----------------===//
//
// Generated text carries invisible line marks: lineMark(N) says "what follows
// was written on line N of the user's file", lineMark(0) says "what follows
// is generated"; placementMark(N, C) says "what follows was written on line
// N, column C": it starts an output line of its own unless the line it
// would join maps to N, and is indented or padded to column C;
// columnHint(N, C) applies only on a line that maps to N: it pads what
// follows to column C, or, where generated text before it on the line has
// pushed it further right, starts a new line (under a #line N) indented to
// C; columnHint(N, C, /*MayBreak=*/false), for text inside a macro's
// arguments where a directive may not stand, and any hint when no #line is
// written, only pads.
// resolveLineMarks() removes the marks and, where the compiler's idea of the
// current line would be wrong, inserts #line directives, so errors and
// breakpoints land on the user's line and column, and generated code is
// blamed on the generated file.
//
//===----------------------------------------------------------------------===//
#ifndef AWAITC_TOOL_LINEDIRECTIVES_H
#define AWAITC_TOOL_LINEDIRECTIVES_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace awaitc {

std::string lineMark(unsigned Line);
inline std::string generatedMark() { return lineMark(0); }
std::string placementMark(unsigned Line, unsigned Column);
std::string columnHint(unsigned Line, unsigned Column, bool MayBreak = true);
std::string withoutColumnHints(llvm::StringRef Text);
/// Whether \p Text starts with a mark of source line \p Line (with or
/// without a column).
bool startsWithLineMark(llvm::StringRef Text, unsigned Line);
/// How many line and placement marks \p Text holds (not column hints).
unsigned countLineMarks(llvm::StringRef Text);

struct LineDirectiveOptions {
  bool Emit = true;
  std::string SourceFile;
  std::string OutputFile;
};

std::string resolveLineMarks(llvm::StringRef Text,
                             const LineDirectiveOptions &Options);

} // namespace awaitc

#endif
